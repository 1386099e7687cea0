### Strings of the page template, shared by every guide. Keep { $placeholders } and
### { DATETIME($date) } as they are: DATETIME writes the date the way your language does.

# Shown at the top of a page when some of its parts fall back to English.
page-fallback-notice = Parts of this page are not yet translated and are shown in English.
# $reviewer is the reviewer's name and credentials; $date the review date.
page-reviewed = Medically reviewed by { $reviewer } on { DATETIME($date) }
# $author is the author's name; $date the date it was written.
page-written = Written by { $author } on { DATETIME($date) }
# $date is the date of the last update.
page-updated = Last updated { DATETIME($date) }
# Heading of the list of other language versions.
page-other-languages = Read this guide in other languages
# Link at the very top of each page for keyboard and screen-reader users.
page-skip-link = Skip to main content
# Name of the collection of guides (the page title of each language's index).
page-guides = Health guides
