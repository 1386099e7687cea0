page-fallback-notice = Algunas partes de esta página aún no están traducidas y se muestran en inglés.
page-reviewed = Revisión médica: { $reviewer }, { DATETIME($date) }
page-written = Escrito por { $author }, { DATETIME($date) }
page-updated = Última actualización: { DATETIME($date) }
page-other-languages = Lea esta guía en otros idiomas
page-skip-link = Ir al contenido principal
page-guides = Guías de salud
