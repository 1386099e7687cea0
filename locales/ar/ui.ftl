page-fallback-notice = بعض أجزاء هذه الصفحة لم تُترجم بعد وتظهر باللغة الإنجليزية.
page-reviewed = المراجعة الطبية: { $reviewer }، { DATETIME($date) }
page-written = كتبه { $author }، { DATETIME($date) }
page-updated = آخر تحديث: { DATETIME($date) }
page-other-languages = اقرأ هذا الدليل بلغات أخرى
page-skip-link = انتقل إلى المحتوى الرئيسي
page-guides = أدلة صحية
