page-language-name = 简体中文
page-fallback-notice = 本页部分内容尚未翻译，以英文显示。
page-reviewed = 医学审核：{ $reviewer }，{ $date }
page-written = 作者：{ $author }，{ $date }
page-updated = 最后更新：{ $date }
page-other-languages = 阅读本指南的其他语言版本
