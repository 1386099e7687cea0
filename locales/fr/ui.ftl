page-fallback-notice = Certaines parties de cette page ne sont pas encore traduites et sont affichées en anglais.
page-reviewed = Relecture médicale : { $reviewer }, { DATETIME($date) }
page-written = Rédigé par { $author }, { DATETIME($date) }
page-updated = Dernière mise à jour : { DATETIME($date) }
page-other-languages = Lire ce guide dans d’autres langues
page-skip-link = Aller au contenu principal
page-guides = Guides de santé
