page-language-name = العربية
page-fallback-notice = بعض أجزاء هذه الصفحة لم تُترجم بعد وتظهر باللغة الإنجليزية.
page-reviewed = المراجعة الطبية: { $reviewer }، { $date }
page-written = كتبه { $author }، { $date }
page-updated = آخر تحديث: { $date }
page-other-languages = اقرأ هذا الدليل بلغات أخرى
