### Strings of the page template, shared by every guide. Keep { $placeholders } as they are.

# The name of this language, in this language (shown in the language switcher).
page-language-name = English
# Shown at the top of a page when some of its parts fall back to English.
page-fallback-notice = Parts of this page are not yet translated and are shown in English.
# $reviewer is the reviewer's name and credentials; $date the review date.
page-reviewed = Medically reviewed by { $reviewer } on { $date }
# $author is the author's name; $date the date it was written.
page-written = Written by { $author } on { $date }
# $date is the date of the last update.
page-updated = Last updated { $date }
# Heading of the list of other language versions.
page-other-languages = Read this guide in other languages
