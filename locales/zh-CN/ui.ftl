page-fallback-notice = 本页部分内容尚未翻译，以英文显示。
page-reviewed = 医学审核：{ $reviewer }，{ DATETIME($date) }
page-written = 作者：{ $author }，{ DATETIME($date) }
page-updated = 最后更新：{ DATETIME($date) }
page-other-languages = 阅读本指南的其他语言版本
page-skip-link = 跳到主要内容
page-guides = 健康指南
