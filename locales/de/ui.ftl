page-fallback-notice = Einige Teile dieser Seite sind noch nicht übersetzt und werden auf Englisch angezeigt.
page-reviewed = Medizinisch geprüft von { $reviewer } am { DATETIME($date) }
page-written = Verfasst von { $author } am { DATETIME($date) }
page-updated = Zuletzt aktualisiert am { DATETIME($date) }
page-other-languages = Diesen Ratgeber in anderen Sprachen lesen
page-skip-link = Zum Hauptinhalt springen
page-guides = Gesundheitsratgeber
