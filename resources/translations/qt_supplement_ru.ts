<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that the qtbase_ru.qm shipped with PySide6 leaves in English (Qt 6.12
     added mnemonics to these labels; the Russian catalogue still has the old sources).
     Written for crm-desktop; same licence as the application. Compiled by
     `python -m crm_desktop.ui.common.i18n` and installed after qtbase_ru.qm. -->
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
</context>
</TS>
