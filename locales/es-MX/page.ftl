# Only the messages where Mexican usage differs from es; the rest falls back to es.
page-language-name = Español (México)
