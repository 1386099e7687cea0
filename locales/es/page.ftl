page-language-name = Español
page-fallback-notice = Algunas partes de esta página aún no están traducidas y se muestran en inglés.
page-reviewed = Revisión médica: { $reviewer }, { $date }
page-written = Escrito por { $author }, { $date }
page-updated = Última actualización: { $date }
page-other-languages = Lea esta guía en otros idiomas
