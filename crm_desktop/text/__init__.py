"""Qt-free text of names in several scripts: which script a text is written in
(``scripts``), transliteration between Chinese characters, pinyin, Palladius Cyrillic,
Korean and Latin (``translit``), names and their forms (``names``) and phone numbers
(``phones``). The bottom layer: it imports nothing else of crm_desktop."""
