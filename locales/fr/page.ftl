page-language-name = Français
page-fallback-notice = Certaines parties de cette page ne sont pas encore traduites et sont affichées en anglais.
page-reviewed = Relecture médicale : { $reviewer }, { $date }
page-written = Rédigé par { $author }, { $date }
page-updated = Dernière mise à jour : { $date }
page-other-languages = Lire ce guide dans d’autres langues
