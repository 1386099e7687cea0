page-language-name = Deutsch
page-fallback-notice = Einige Teile dieser Seite sind noch nicht übersetzt und werden auf Englisch angezeigt.
page-reviewed = Medizinisch geprüft von { $reviewer } am { $date }
page-written = Verfasst von { $author } am { $date }
page-updated = Zuletzt aktualisiert am { $date }
page-other-languages = Diesen Ratgeber in anderen Sprachen lesen
