<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Version %2&lt;/p&gt;&lt;p&gt;Application id: %3&lt;/p&gt;&lt;p&gt;An offline desktop CRM for negotiations with foreign investors: companies, contacts, projects through the pipeline, meetings and their minutes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Версия %2&lt;/p&gt;&lt;p&gt;Идентификатор приложения: %3&lt;/p&gt;&lt;p&gt;Автономная CRM для переговоров с иностранными инвесторами: компании, контакты, проекты по стадиям, встречи и их протоколы.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>О программе %1</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Прикрепить файл…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Сохранить копию…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>Вложения: %1</translation>
    </message>
    <message>
        <source>Attachments: none</source>
        <translation>Вложений нет</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Сохранить копию</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Создана</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Зашифрована</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Создать копию сейчас</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Папка: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>в порядке</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Папка резервных копий</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Replace the current database with the backup of %1? The current database is backed up first.</source>
        <translation>Заменить текущую базу резервной копией от %1? Перед этим текущая база будет сохранена в копию.</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Show resolved</source>
        <translation>Показать решённые</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Mine (now)</source>
        <translation>Моё (сейчас)</translation>
    </message>
    <message>
        <source>Theirs (lost)</source>
        <translation>Их (проиграло)</translation>
    </message>
    <message>
        <source>Mine: changed by</source>
        <translation>Моё: кто изменил</translation>
    </message>
    <message>
        <source>Theirs: changed by</source>
        <translation>Их: кто изменил</translation>
    </message>
    <message>
        <source>The value the record holds now: the newer change won the merge.</source>
        <translation>Значение, которое сейчас в записи: при слиянии победило более позднее изменение.</translation>
    </message>
    <message>
        <source>The value that lost the merge, kept here until you decide.</source>
        <translation>Значение, проигравшее при слиянии; оно хранится здесь, пока вы не решите.</translation>
    </message>
    <message>
        <source>Mine: what the record holds now</source>
        <translation>Моё: что сейчас в записи</translation>
    </message>
    <message>
        <source>Theirs: the value that lost the merge</source>
        <translation>Их: значение, проигравшее при слиянии</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Оставить моё</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Взять их</translation>
    </message>
    <message>
        <source>Edit value…</source>
        <translation>Ввести значение…</translation>
    </message>
    <message>
        <source>Restore the record</source>
        <translation>Восстановить запись</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>Оставить удалённой</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Открыть запись</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) from synchronisation wait for a decision. The newer change is in the record now; the other value is kept here.</source>
        <translation>
            <numerusform>%n конфликт синхронизации ждёт решения. В записи сейчас более позднее изменение; другое значение хранится здесь.</numerusform>
            <numerusform>%n конфликта синхронизации ждут решения. В записи сейчас более позднее изменение; другое значение хранится здесь.</numerusform>
            <numerusform>%n конфликтов синхронизации ждут решения. В записи сейчас более позднее изменение; другое значение хранится здесь.</numerusform>
        </translation>
    </message>
    <message>
        <source>No open conflicts: every merge so far was clean.</source>
        <translation>Нерешённых конфликтов нет: все слияния прошли чисто.</translation>
    </message>
    <message>
        <source>Deleted / edited</source>
        <translation>Удалена / изменена</translation>
    </message>
    <message>
        <source>In the Trash</source>
        <translation>В корзине</translation>
    </message>
    <message>
        <source>Kept, edited</source>
        <translation>Сохранена, изменена</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>%1, device %2, %3</source>
        <translation>%1, устройство %2, %3</translation>
    </message>
    <message>
        <source>device %1, %2</source>
        <translation>устройство %1, %2</translation>
    </message>
    <message>
        <source>Select a conflict to see both values.</source>
        <translation>Выберите конфликт, чтобы увидеть оба значения.</translation>
    </message>
    <message>
        <source>%1 “%2”: %3</source>
        <translation>%1 «%2»: %3</translation>
    </message>
    <message>
        <source>resolved (%1)</source>
        <translation>решён (%1)</translation>
    </message>
    <message>
        <source>Changed by %1</source>
        <translation>Изменил(а): %1</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>кто-то</translation>
    </message>
    <message>
        <source>Deleted on device %1 by %2, %3</source>
        <translation>Удалено на устройстве %1, удалил(а): %2, %3</translation>
    </message>
    <message>
        <source>kept mine</source>
        <translation>оставлено моё</translation>
    </message>
    <message>
        <source>kept theirs</source>
        <translation>взято их</translation>
    </message>
    <message>
        <source>a new value</source>
        <translation>новое значение</translation>
    </message>
    <message>
        <source>Edit value</source>
        <translation>Ввести значение</translation>
    </message>
    <message>
        <source>New value of %1:</source>
        <translation>Новое значение поля «%1»:</translation>
    </message>
    <message>
        <source>Cannot resolve the conflict</source>
        <translation>Не удалось решить конфликт</translation>
    </message>
    <message>
        <source>Conflict resolved.</source>
        <translation>Конфликт решён.</translation>
    </message>
</context>
<context>
    <name>CurrencySettings</name>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Board total in</source>
        <translation>Итог воронки в валюте</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задан</translation>
    </message>
    <message>
        <source>1 %1 =</source>
        <translation>1 %1 =</translation>
    </message>
    <message>
        <source>set on %1</source>
        <translation>задан %1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Save as XLSX…</source>
        <translation>Сохранить в XLSX…</translation>
    </message>
    <message>
        <source>Cannot build the report</source>
        <translation>Не удалось построить отчёт</translation>
    </message>
    <message>
        <source>%1 projects in the pipeline, capex %2, weighted %3; %4 stalled. Rates of %5.</source>
        <translation>Проектов в воронке: %1, капвложения %2, с учётом вероятности %3; зависших: %4. Курсы на %5.</translation>
    </message>
    <message>
        <source>No rate for %1: that capex is left out.</source>
        <translation>Нет курса для %1: эти капвложения не учтены.</translation>
    </message>
    <message>
        <source>Projects by stage</source>
        <translation>Проекты по этапам</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>Capex by country, million %1</source>
        <translation>Капвложения по странам, млн %1</translation>
    </message>
    <message>
        <source>Capex</source>
        <translation>Капвложения</translation>
    </message>
    <message>
        <source>Weighted capex</source>
        <translation>С учётом вероятности</translation>
    </message>
    <message>
        <source>Cannot list the projects</source>
        <translation>Не удалось получить список проектов</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Сохранить отчёт в PDF</translation>
    </message>
    <message>
        <source>Save the report as XLSX</source>
        <translation>Сохранить отчёт в XLSX</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Cannot save the report</source>
        <translation>Не удалось сохранить отчёт</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Отчёт сохранён: %1</translation>
    </message>
</context>
<context>
    <name>EntityListView</name>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Create a record (Ctrl+N)</source>
        <translation>Создать запись (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Move to the Trash (Del)</source>
        <translation>Переместить в корзину (Del)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>Создание: %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Изменение: %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Удаление: %1</translation>
    </message>
    <message>
        <source>Moved to the Trash. Undo with Ctrl+Z.</source>
        <translation>Перемещено в корзину. Отменить — Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>ExchangeJob</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 из %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ExchangeMenu</name>
    <message>
        <source>&amp;Import contacts…</source>
        <translation>&amp;Импорт контактов…</translation>
    </message>
    <message>
        <source>&amp;Export contacts…</source>
        <translation>&amp;Экспорт контактов…</translation>
    </message>
    <message>
        <source>Export &amp;meetings to calendar…</source>
        <translation>Экспорт &amp;встреч в календарь…</translation>
    </message>
</context>
<context>
    <name>ExportContactsDialog</name>
    <message>
        <source>Export contacts</source>
        <translation>Экспорт контактов</translation>
    </message>
    <message>
        <source>CSV (UTF-8, comma)</source>
        <translation>CSV (UTF-8, запятая)</translation>
    </message>
    <message>
        <source>CSV for Russian Excel (semicolon)</source>
        <translation>CSV для русского Excel (точка с запятой)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Книга Excel (.xlsx)</translation>
    </message>
    <message>
        <source>vCard 3.0 (phones, Outlook, Google)</source>
        <translation>vCard 3.0 (телефоны, Outlook, Google)</translation>
    </message>
    <message>
        <source>vCard 4.0</source>
        <translation>vCard 4.0</translation>
    </message>
    <message>
        <source>Printable contact sheet (PDF)</source>
        <translation>Список контактов для печати (PDF)</translation>
    </message>
    <message>
        <source>Contacts in the current list</source>
        <translation>Контакты текущего списка</translation>
    </message>
    <message>
        <source>Selected contacts</source>
        <translation>Выбранные контакты</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Все контакты</translation>
    </message>
    <message>
        <source>Contacts of:</source>
        <translation>Контакты по условию:</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Trip (met during)</source>
        <translation>Поездка (встречались в ней)</translation>
    </message>
    <message>
        <source>Project stage</source>
        <translation>Стадия проекта</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(любая)</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>контакты</translation>
    </message>
    <message>
        <source>Contacts to export: %1</source>
        <translation>Будет экспортировано контактов: %1</translation>
    </message>
    <message>
        <source>Exporting contacts</source>
        <translation>Экспорт контактов</translation>
    </message>
    <message>
        <source>Exported %1 contacts to %2</source>
        <translation>Экспортировано контактов: %1, файл %2</translation>
    </message>
</context>
<context>
    <name>ExportMeetingsDialog</name>
    <message>
        <source>Export meetings to calendar</source>
        <translation>Экспорт встреч в календарь</translation>
    </message>
    <message>
        <source>(any trip)</source>
        <translation>(любая поездка)</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>Только между</translation>
    </message>
    <message>
        <source>and</source>
        <translation>и</translation>
    </message>
    <message>
        <source>Export meetings</source>
        <translation>Экспорт встреч</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>meetings</source>
        <translation>встречи</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Times are written in each venue&apos;s time zone; calendars show them at the right hour.</source>
        <translation>Время записывается в часовом поясе места встречи; календари покажут его правильно.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Дата окончания раньше даты начала.</translation>
    </message>
    <message>
        <source>Exporting meetings</source>
        <translation>Экспорт встреч</translation>
    </message>
    <message>
        <source>Exported %1 meetings to %2</source>
        <translation>Экспортировано встреч: %1, файл %2</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Фильтр (Ctrl+F)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
</context>
<context>
    <name>FindAnythingDialog</name>
    <message>
        <source>Find anything</source>
        <translation>Найти всё</translation>
    </message>
    <message>
        <source>Company, person, project, meeting… (汉字, pinyin or Russian)</source>
        <translation>Компания, человек, проект, встреча… (汉字, пиньинь или по-русски)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <source>Our team</source>
        <translation>Наша команда</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The database is empty&lt;/h3&gt;&lt;p&gt;How would you like to begin?&lt;/p&gt;</source>
        <translation>&lt;h3&gt;База данных пуста&lt;/h3&gt;&lt;p&gt;С чего начать?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the demo data</source>
        <translation>Открыть демонстрационные данные</translation>
    </message>
    <message>
        <source>A delegation trip to China with companies, people, projects and meetings, kept in a separate demo database.</source>
        <translation>Поездка делегации в Китай с компаниями, людьми, проектами и встречами — в отдельной демонстрационной базе.</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Начать с пустой базы</translation>
    </message>
    <message>
        <source>Begin with your own companies and contacts.</source>
        <translation>Вносить свои компании и контакты с нуля.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Импортировать контакты…</translation>
    </message>
    <message>
        <source>From vCard, CSV or Excel files exported by a phone, Outlook or Google.</source>
        <translation>Из файлов vCard, CSV или Excel, выгруженных из телефона, Outlook или Google.</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <source>Something went wrong: %1
The details were written to the error output.</source>
        <translation>Что-то пошло не так: %1
Подробности записаны в поток ошибок.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>(created)</source>
        <translation>(создано)</translation>
    </message>
    <message>
        <source>(moved to the Trash)</source>
        <translation>(перемещено в корзину)</translation>
    </message>
    <message>
        <source>(restored from the Trash)</source>
        <translation>(восстановлено из корзины)</translation>
    </message>
    <message>
        <source>(nobody chosen)</source>
        <translation>(никто не выбран)</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Restore this value</source>
        <translation>Вернуть это значение</translation>
    </message>
    <message>
        <source>Set the field back to the old value of the selected change (recorded as a new change)</source>
        <translation>Вернуть полю прежнее значение из выбранного изменения (записывается как новое изменение)</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>Изменений пока нет.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import contacts</source>
        <translation>Импорт контактов</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>Strict: import nothing if any row is rejected</source>
        <translation>Строго: не импортировать ничего, если отклонена хотя бы одна строка</translation>
    </message>
    <message>
        <source>Without it, the valid rows are imported and the rejected ones are listed with their line.</source>
        <translation>Без этого флажка корректные строки импортируются, а отклонённые перечисляются с номерами строк.</translation>
    </message>
    <message>
        <source>If the contact already exists:</source>
        <translation>Если контакт уже есть:</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Already have</source>
        <translation>Уже есть</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>Проверить (без записи)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Preview (choose what each column holds):</source>
        <translation>Просмотр (укажите, что содержит каждый столбец):</translation>
    </message>
    <message>
        <source>Skip it</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Merge (fill empty fields, keep both values)</source>
        <translation>Объединить (заполнить пустые поля, сохранить оба значения)</translation>
    </message>
    <message>
        <source>Create a new contact anyway</source>
        <translation>Всё равно создать новый контакт</translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>(не импортировать)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Полное имя</translation>
    </message>
    <message>
        <source>Family name (any script)</source>
        <translation>Фамилия (в любом написании)</translation>
    </message>
    <message>
        <source>Given name (any script)</source>
        <translation>Имя (в любом написании)</translation>
    </message>
    <message>
        <source>Middle name / patronymic</source>
        <translation>Второе имя / отчество</translation>
    </message>
    <message>
        <source>Family name (native script)</source>
        <translation>Фамилия (в оригинальном написании)</translation>
    </message>
    <message>
        <source>Given name (native script)</source>
        <translation>Имя (в оригинальном написании)</translation>
    </message>
    <message>
        <source>Family name (Latin / pinyin)</source>
        <translation>Фамилия (латиница / пиньинь)</translation>
    </message>
    <message>
        <source>Given name (Latin / pinyin)</source>
        <translation>Имя (латиница / пиньинь)</translation>
    </message>
    <message>
        <source>Family name (Russian)</source>
        <translation>Фамилия (по-русски)</translation>
    </message>
    <message>
        <source>Given name (Russian)</source>
        <translation>Имя (по-русски)</translation>
    </message>
    <message>
        <source>Patronymic (Russian)</source>
        <translation>Отчество (по-русски)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Мобильный телефон</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Рабочий телефон</translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation>Домашний телефон</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Факс</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Work email</source>
        <translation>Рабочая эл. почта</translation>
    </message>
    <message>
        <source>Personal email</source>
        <translation>Личная эл. почта</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Other messenger</source>
        <translation>Другой мессенджер</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Принимает решения</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Идентификатор записи</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>объединён</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>same record</source>
        <translation>та же запись</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>та же эл. почта</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>тот же телефон</translation>
    </message>
    <message>
        <source>same name at the same company</source>
        <translation>то же имя в той же компании</translation>
    </message>
    <message>
        <source>Contacts (*.csv *.xlsx *.vcf *.vcard);;All files (*)</source>
        <translation>Контакты (*.csv *.xlsx *.vcf *.vcard);;Все файлы (*)</translation>
    </message>
    <message>
        <source>CRM export</source>
        <translation>экспорт CRM</translation>
    </message>
    <message>
        <source>a spreadsheet</source>
        <translation>таблица</translation>
    </message>
    <message>
        <source>Excel workbook, %1 rows, columns recognised as %2.</source>
        <translation>Книга Excel, строк: %1, столбцы распознаны как %2.</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>табуляция</translation>
    </message>
    <message>
        <source>CSV file, %1 rows, encoding %2, delimiter “%3”, columns recognised as %4.</source>
        <translation>Файл CSV, строк: %1, кодировка %2, разделитель «%3», столбцы распознаны как %4.</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Импортировать как</translation>
    </message>
    <message>
        <source>vCard file, %1 contacts.</source>
        <translation>Файл vCard, контактов: %1.</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>Checking contacts</source>
        <translation>Проверка контактов</translation>
    </message>
    <message>
        <source>Importing contacts</source>
        <translation>Импорт контактов</translation>
    </message>
    <message>
        <source>new: %1, merged: %2, skipped: %3, rejected: %4</source>
        <translation>новых: %1, объединено: %2, пропущено: %3, отклонено: %4</translation>
    </message>
    <message>
        <source>Phone numbers kept in the notes: %1 (see the list).</source>
        <translation>Телефоны, сохранённые в заметках: %1 (см. список).</translation>
    </message>
    <message>
        <source>Imported the valid rows; the rejected ones are listed with their line. %1</source>
        <translation>Корректные строки импортированы; отклонённые перечислены с номерами строк. %1</translation>
    </message>
    <message>
        <source>Imported. %1</source>
        <translation>Импорт выполнен. %1</translation>
    </message>
    <message>
        <source>Dry run, nothing written yet. %1</source>
        <translation>Проверка, ничего не записано. %1</translation>
    </message>
    <message>
        <source>Nothing was imported: some rows are rejected and Strict is on (see the list). %1</source>
        <translation>Ничего не импортировано: часть строк отклонена, а включён режим «Строго» (см. список). %1</translation>
    </message>
    <message>
        <source>Nothing was imported: no row could be imported (see the list). %1</source>
        <translation>Ничего не импортировано: ни одну строку нельзя импортировать (см. список). %1</translation>
    </message>
    <message>
        <source>the phone “%1” is not a valid number (read in %2); kept in the notes</source>
        <translation>телефон «%1» не является действительным номером (регион %2); сохранён в заметках</translation>
    </message>
    <message>
        <source>as chosen for all</source>
        <translation>как выбрано для всех</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <source>Locked — %1</source>
        <translation>Заблокировано — %1</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Неверный PIN-код.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Неверная парольная фраза.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>Открывается база данных…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>&amp;Новая запись</translation>
    </message>
    <message>
        <source>S&amp;ynchronise…</source>
        <translation>С&amp;инхронизировать…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Delete (move to the Trash)</source>
        <translation>&amp;Удалить (в корзину)</translation>
    </message>
    <message>
        <source>&amp;Filter this list</source>
        <translation>&amp;Фильтр списка</translation>
    </message>
    <message>
        <source>Find &amp;anything…</source>
        <translation>Найти &amp;всё…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Документы</translation>
    </message>
    <message>
        <source>&amp;Print memo of the meeting…</source>
        <translation>&amp;Печать протокола встречи…</translation>
    </message>
    <message>
        <source>&amp;Trip report…</source>
        <translation>&amp;Отчёт о поездке…</translation>
    </message>
    <message>
        <source>&amp;Company dossier…</source>
        <translation>&amp;Досье компании…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>Securit&amp;y</source>
        <translation>&amp;Безопасность</translation>
    </message>
    <message>
        <source>Nothing to create here.</source>
        <translation>Здесь нечего создавать.</translation>
    </message>
    <message>
        <source>Select a record to delete.</source>
        <translation>Выберите запись для удаления.</translation>
    </message>
    <message>
        <source>Cannot make the document</source>
        <translation>Не удалось подготовить документ</translation>
    </message>
    <message>
        <source>Select a meeting in the Meetings list first.</source>
        <translation>Сначала выберите встречу в списке «Встречи».</translation>
    </message>
    <message>
        <source>Select a trip in the Trips list first.</source>
        <translation>Сначала выберите поездку в списке «Поездки».</translation>
    </message>
    <message>
        <source>Select a company in the Companies list first.</source>
        <translation>Сначала выберите компанию в списке «Компании».</translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation>Не удалось сохранить настройки: %1</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Meeting — saved</source>
        <translation>Встреча — сохранено</translation>
    </message>
    <message>
        <source>This meeting has changes that are not saved. Save them?</source>
        <translation>В этой встрече есть несохранённые изменения. Сохранить их?</translation>
    </message>
</context>
<context>
    <name>MeetingDraftsDialog</name>
    <message>
        <source>Unsaved meetings</source>
        <translation>Несохранённые встречи</translation>
    </message>
    <message>
        <source>These meetings were being edited when the program stopped unexpectedly. Open a draft to finish and save it, or discard it.</source>
        <translation>Эти встречи редактировались, когда программа неожиданно завершилась. Откройте черновик, чтобы закончить и сохранить его, или удалите его.</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Черновик сохранён</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Позже</translation>
    </message>
    <message>
        <source>Keep the drafts and offer them again at the next start</source>
        <translation>Сохранить черновики и предложить их снова при следующем запуске</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <source>%1 (new meeting)</source>
        <translation>%1 (новая встреча)</translation>
    </message>
    <message>
        <source>Discard the draft “%1”? What was typed in it is lost.</source>
        <translation>Удалить черновик «%1»? Набранный в нём текст будет потерян.</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the meeting (%1)</source>
        <translation>Сохранить встречу (%1)</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>e.g. Negotiations on localising production</source>
        <translation>например, Переговоры о локализации производства</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>T&amp;rip:</source>
        <translation>По&amp;ездка:</translation>
    </message>
    <message>
        <source>Type to search companies</source>
        <translation>Начните вводить название компании</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open the project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Проект:</translation>
    </message>
    <message>
        <source>&amp;Start (venue time):</source>
        <translation>&amp;Начало (местное время):</translation>
    </message>
    <message>
        <source>Moscow time:</source>
        <translation>Московское время:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Длительность:</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Очно</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Видеосвязь</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <source>e.g. company headquarters, Shenzhen</source>
        <translation>например, штаб-квартира компании, Шэньчжэнь</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>&amp;Место:</translation>
    </message>
    <message>
        <source>Chinese, Russian</source>
        <translation>китайский, русский</translation>
    </message>
    <message>
        <source>Chinese, English</source>
        <translation>китайский, английский</translation>
    </message>
    <message>
        <source>English, Russian</source>
        <translation>английский, русский</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>китайский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>Я&amp;зык:</translation>
    </message>
    <message>
        <source>Name of the interpreter, if any</source>
        <translation>Имя переводчика, если был</translation>
    </message>
    <message>
        <source>&amp;Interpreter:</source>
        <translation>П&amp;ереводчик:</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Для служебного пользования</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Конфиденциально</translation>
    </message>
    <message>
        <source>Confidentiality:</source>
        <translation>Конфиденциальность:</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Our side:</source>
        <translation>Наша сторона:</translation>
    </message>
    <message>
        <source>Their side:</source>
        <translation>Их сторона:</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>Добавить контакт…</translation>
    </message>
    <message>
        <source>Create a new contact at this company</source>
        <translation>Создать новый контакт в этой компании</translation>
    </message>
    <message>
        <source>Add a participant: type a name</source>
        <translation>Добавить участника: введите имя</translation>
    </message>
    <message>
        <source>A&amp;genda</source>
        <translation>Пов&amp;естка</translation>
    </message>
    <message>
        <source>D&amp;iscussion</source>
        <translation>О&amp;бсуждение</translation>
    </message>
    <message>
        <source>Agreements &amp;reached</source>
        <translation>Достигнутые &amp;договорённости</translation>
    </message>
    <message>
        <source>Next steps (become tasks)</source>
        <translation>Дальнейшие шаги (станут задачами)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Добавить шаг</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Удалить шаг</translation>
    </message>
    <message>
        <source>Move the project to another stage</source>
        <translation>Перевести проект на другую стадию</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Сейчас:</translation>
    </message>
    <message>
        <source>New stage:</source>
        <translation>Новая стадия:</translation>
    </message>
    <message>
        <source>Why it moves (optional)</source>
        <translation>Почему переходит (необязательно)</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>No trip</source>
        <translation>Без поездки</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Без проекта</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Принимает решения</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 в %2</translation>
    </message>
    <message>
        <source>(venue is %1 h ahead)</source>
        <translation>(на месте на %1 ч больше)</translation>
    </message>
    <message>
        <source>(venue is %1 h behind)</source>
        <translation>(на месте на %1 ч меньше)</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Без ответственного</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Новая встреча</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Встреча: %1</translation>
    </message>
    <message>
        <source>Stage moved with this meeting: %1 → %2</source>
        <translation>Стадия изменена этой встречей: %1 → %2</translation>
    </message>
    <message>
        <source>Already recorded:</source>
        <translation>Уже записано:</translation>
    </message>
    <message>
        <source>The draft could not be kept: %1</source>
        <translation>Черновик не удалось сохранить: %1</translation>
    </message>
    <message>
        <source>Restored from a draft saved at %1</source>
        <translation>Восстановлено из черновика, сохранённого %1</translation>
    </message>
    <message>
        <source>Record meeting “%1”</source>
        <translation>Запись встречи «%1»</translation>
    </message>
    <message>
        <source>Edit meeting “%1”</source>
        <translation>Изменение встречи «%1»</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <source>Next step %1: %2</source>
        <translation>Шаг %1: %2</translation>
    </message>
</context>
<context>
    <name>MemoSettingsDialog</name>
    <message>
        <source>Memo requisites</source>
        <translation>Реквизиты протокола</translation>
    </message>
    <message>
        <source>Ministry name (English)</source>
        <translation>Название министерства (по-английски)</translation>
    </message>
    <message>
        <source>Ministry name (Chinese)</source>
        <translation>Название министерства (по-китайски)</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Регистрационный номер</translation>
    </message>
    <message>
        <source>Approved by (initials, surname)</source>
        <translation>Утверждает (И. О. Фамилия)</translation>
    </message>
    <message>
        <source>Approver&apos;s position</source>
        <translation>Должность утверждающего</translation>
    </message>
    <message>
        <source>Place of compilation</source>
        <translation>Место составления</translation>
    </message>
    <message>
        <source>the trip&apos;s first city</source>
        <translation>первый город командировки</translation>
    </message>
    <message>
        <source>Distribution (one per line)</source>
        <translation>Рассылка (по одному адресату в строке)</translation>
    </message>
    <message>
        <source>The number format takes {year} and {seq} (the count of memos approved that year), e.g. {year}-{seq:04d} gives 2026-0007. These settings are shared by everyone using this database.</source>
        <translation>Формат номера содержит {year} и {seq} (счётчик утверждённых за год протоколов), например {year}-{seq:04d} даёт 2026-0007. Эти настройки общие для всех, кто работает с этой базой.</translation>
    </message>
</context>
<context>
    <name>NameSuggestion</name>
    <message>
        <source>Fill the empty pinyin and Russian name fields with these spellings; what you typed there stays. You can edit them afterwards.</source>
        <translation>Заполнить пустые поля имени на пиньине и по-русски этими написаниями; введённое вами останется. Потом их можно исправить.</translation>
    </message>
    <message>
        <source>Use: %1 / %2</source>
        <translation>Подставить: %1 / %2</translation>
    </message>
</context>
<context>
    <name>NewContactBox</name>
    <message>
        <source>New contact</source>
        <translation>Новый контакт</translation>
    </message>
    <message>
        <source>Family name, e.g. 王</source>
        <translation>Фамилия, например 王</translation>
    </message>
    <message>
        <source>Given name, e.g. 建国</source>
        <translation>Имя, например 建国</translation>
    </message>
    <message>
        <source>Family name, e.g. Wang</source>
        <translation>Фамилия, например Wang</translation>
    </message>
    <message>
        <source>Given name, e.g. Jianguo</source>
        <translation>Имя, например Jianguo</translation>
    </message>
    <message>
        <source>Family name, e.g. Ван</source>
        <translation>Фамилия, например Ван</translation>
    </message>
    <message>
        <source>Given name, e.g. Цзяньго</source>
        <translation>Имя, например Цзяньго</translation>
    </message>
    <message>
        <source>e.g. General manager</source>
        <translation>например, генеральный директор</translation>
    </message>
    <message>
        <source>Native script:</source>
        <translation>Иероглифы:</translation>
    </message>
    <message>
        <source>Pinyin / Latin:</source>
        <translation>Пиньинь / латиница:</translation>
    </message>
    <message>
        <source>Russian:</source>
        <translation>По-русски:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>Создать контакт</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Add contact “%1”</source>
        <translation>Добавление контакта «%1»</translation>
    </message>
    <message>
        <source>A name in at least one script</source>
        <translation>Имя хотя бы в одной записи</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Move project</source>
        <translation>Перевод проекта</translation>
    </message>
    <message>
        <source>Move “%1” from “%2” to “%3”.</source>
        <translation>Перевести «%1» со стадии «%2» на «%3».</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>Примечание (необязательно):</translation>
    </message>
    <message>
        <source>Why the project moves, what was decided</source>
        <translation>Почему проект переходит, что решили</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Перевести</translation>
    </message>
</context>
<context>
    <name>ParticipantOrder</name>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Sort by rank</source>
        <translation>По должностям</translation>
    </message>
    <message>
        <source>Move the selected participant up (Ctrl+Shift+Up)</source>
        <translation>Переместить выбранного участника выше (Ctrl+Shift+Up)</translation>
    </message>
    <message>
        <source>Move the selected participant down (Ctrl+Shift+Down)</source>
        <translation>Переместить выбранного участника ниже (Ctrl+Shift+Down)</translation>
    </message>
    <message>
        <source>Go back to the automatic order: the head of delegation first, by rank</source>
        <translation>Вернуть автоматический порядок: сначала руководитель делегации, далее по должностям</translation>
    </message>
</context>
<context>
    <name>PartnerTextBox</name>
    <message>
        <source>Text for the partner&apos;s cop&amp;y</source>
        <translation>Текст для &amp;экземпляра партнёра</translation>
    </message>
    <message>
        <source>The title, place, agenda, agreements and next steps in the partner&apos;s language, printed in the partner&apos;s copy of the memo</source>
        <translation>Тема, место, повестка, договорённости и дальнейшие шаги на языке партнёра — печатаются в экземпляре протокола для партнёра</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>китайский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Место:</translation>
    </message>
    <message>
        <source>Agenda:</source>
        <translation>Повестка:</translation>
    </message>
    <message>
        <source>Agreements:</source>
        <translation>Договорённости:</translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation>Дальнейшие шаги:</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock the database</source>
        <translation>Разблокировать базу</translation>
    </message>
    <message>
        <source>Encrypt this database</source>
        <translation>Зашифровать эту базу</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Сменить парольную фразу</translation>
    </message>
    <message>
        <source>Without the passphrase nobody can read the data, not even you: there is no way to recover a forgotten passphrase. Write it down and keep it apart from the laptop. At least %1 characters.</source>
        <translation>Без парольной фразы данные не прочитает никто, даже вы: забытую фразу восстановить нельзя. Запишите её и храните отдельно от ноутбука. Не короче %1 символов.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Текущая парольная фраза:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Новая парольная фраза:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Повторите её:</translation>
    </message>
    <message>
        <source>The passphrase must be at least %1 characters.</source>
        <translation>Парольная фраза должна быть не короче %1 символов.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Фразы не совпадают.</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Введите парольную фразу.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was changed; try again.</source>
        <translation>Неверная парольная фраза. Ничего не изменено, попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The current passphrase is wrong.</source>
        <translation>Текущая парольная фраза неверна.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview — %1</source>
        <translation>Просмотр — %1</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Fit the page width</source>
        <translation>Подогнать по ширине страницы</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <source>Document &amp;language:</source>
        <translation>&amp;Язык документа:</translation>
    </message>
    <message>
        <source>Page setup…</source>
        <translation>Параметры страницы…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The preview needs the Qt PDF module (PySide6-Pdf). The document can still be saved as PDF.</source>
        <translation>Для просмотра нужен модуль Qt PDF (PySide6-Pdf). Документ всё равно можно сохранить в PDF.</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Китайский</translation>
    </message>
    <message>
        <source>Russian + Chinese (partner&apos;s copy)</source>
        <translation>Русский + китайский (экземпляр партнёра)</translation>
    </message>
    <message>
        <source>Internal memo</source>
        <translation>Внутренний протокол</translation>
    </message>
    <message>
        <source>Partner&apos;s copy</source>
        <translation>Экземпляр для партнёра</translation>
    </message>
    <message>
        <source>The partner&apos;s copy leaves out the project stage, task status, the discussion and the marking, and has signature lines for both heads of delegation</source>
        <translation>В экземпляре для партнёра нет стадии проекта, статусов задач, хода обсуждения и грифа; в нём места для подписей обоих руководителей делегаций</translation>
    </message>
    <message>
        <source>&amp;Copy:</source>
        <translation>&amp;Экземпляр:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Утвердить</translation>
    </message>
    <message>
        <source>Give the memo its registration number and freeze it: reprints stay the same</source>
        <translation>Присвоить протоколу регистрационный номер и зафиксировать его: повторная печать даст тот же документ</translation>
    </message>
    <message>
        <source>Draft: not approved</source>
        <translation>Проект: не утверждён</translation>
    </message>
    <message>
        <source>Approved: No. %1, revision %2</source>
        <translation>Утверждён: № %1, редакция %2</translation>
    </message>
    <message>
        <source>the meeting was edited since; Approve makes revision %1</source>
        <translation>встреча с тех пор изменена; «Утвердить» создаст редакцию %1</translation>
    </message>
    <message>
        <source>Cannot approve the memo</source>
        <translation>Не удалось утвердить протокол</translation>
    </message>
    <message>
        <source>Cannot make the document</source>
        <translation>Не удалось подготовить документ</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Не удалось запустить печать.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Сохранить в PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Lock PIN</source>
        <translation>PIN-код блокировки</translation>
    </message>
    <message>
        <source>This database is not encrypted, so the lock screen asks for a PIN instead of a passphrase. Choose one of at least %1 characters; only a salted hash of it is kept on this computer.</source>
        <translation>База данных не зашифрована, поэтому экран блокировки спрашивает PIN-код вместо парольной фразы. Придумайте код не короче %1 символов; на этом компьютере хранится только его хеш с солью, а не сам код.</translation>
    </message>
    <message>
        <source>To lock the screen, choose a PIN first.</source>
        <translation>Чтобы заблокировать экран, сначала задайте PIN-код.</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN-код:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Повторите его:</translation>
    </message>
    <message>
        <source>The PIN must be at least %1 characters.</source>
        <translation>PIN-код должен быть не короче %1 символов.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Введённые PIN-коды не совпадают.</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>Filter projects…</source>
        <translation>Фильтр проектов…</translation>
    </message>
    <message>
        <source>All but lost</source>
        <translation>Все, кроме проигранных</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>status filter</comment>
        <translation>Активный</translation>
    </message>
    <message>
        <source>On hold</source>
        <comment>status filter</comment>
        <translation>Приостановлен</translation>
    </message>
    <message>
        <source>Won</source>
        <comment>status filter</comment>
        <translation>Выигран</translation>
    </message>
    <message>
        <source>Lost</source>
        <comment>status filter</comment>
        <translation>Проигран</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Страна:</translation>
    </message>
    <message>
        <source>Trip:</source>
        <translation>Поездка:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Short cards in narrow columns: title, company and capex</source>
        <translation>Короткие карточки в узких колонках: название, компания и инвестиции</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Все ответственные</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Все страны</translation>
    </message>
    <message>
        <source>All trips</source>
        <translation>Все поездки</translation>
    </message>
    <message>
        <source>Projects: %1</source>
        <translation>Проектов: %1</translation>
    </message>
    <message>
        <source>%1 more: narrow the filters to see them</source>
        <translation>Ещё %1: сузьте фильтры, чтобы их увидеть</translation>
    </message>
    <message>
        <source>Compact cards</source>
        <translation>Компактные карточки</translation>
    </message>
    <message>
        <source>Projects on the board: %1</source>
        <translation>Проектов на доске: %1</translation>
    </message>
    <message>
        <source>capex: %1</source>
        <translation>инвестиции: %1</translation>
    </message>
    <message>
        <source>capex ≈ %1</source>
        <translation>инвестиции ≈ %1</translation>
    </message>
    <message>
        <source>capex ≈ %1 + %2</source>
        <translation>инвестиции ≈ %1 + %2</translation>
    </message>
    <message>
        <source>Capex by currency:</source>
        <translation>Инвестиции по валютам:</translation>
    </message>
    <message>
        <source>Converted to %1 at the rates of %2 (Settings → Currency)</source>
        <translation>Пересчитано в %1 по курсам на %2 (Настройки → Валюта)</translation>
    </message>
    <message>
        <source>No rate for %1: set it in Settings → Currency</source>
        <translation>Нет курса для %1: задайте его в Настройки → Валюта</translation>
    </message>
    <message>
        <source>jobs: %1</source>
        <translation>рабочих мест: %1</translation>
    </message>
    <message>
        <source>%1 d in stage</source>
        <translation>%1 дн. на стадии</translation>
    </message>
    <message>
        <source>Won</source>
        <comment>card status</comment>
        <translation>Выигран</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>Проигран: %1</translation>
    </message>
    <message>
        <source>On hold: %1</source>
        <translation>Приостановлен: %1</translation>
    </message>
    <message>
        <source>Code name: %1</source>
        <translation>Кодовое название: %1</translation>
    </message>
    <message>
        <source>Product: %1</source>
        <translation>Продукция: %1</translation>
    </message>
    <message>
        <source>Probability: %1%</source>
        <translation>Вероятность: %1%</translation>
    </message>
    <message>
        <source>In this stage since %1 (%2 days)</source>
        <translation>На этой стадии с %1 (дней: %2)</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Ответственный: %1</translation>
    </message>
    <message>
        <source>meeting %1</source>
        <translation>встреча %1</translation>
    </message>
    <message>
        <source>Next meeting: %1</source>
        <translation>Следующая встреча: %1</translation>
    </message>
    <message>
        <source>open tasks: %1</source>
        <translation>открытых задач: %1</translation>
    </message>
    <message>
        <source>overdue: %1</source>
        <translation>просрочено: %1</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>Отметить как проигранный</translation>
    </message>
    <message>
        <source>Why was “%1” lost?</source>
        <translation>Почему «%1» проигран?</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <source>Why is “%1” on hold?</source>
        <translation>Почему «%1» приостановлен?</translation>
    </message>
    <message>
        <source>Move “%1” to “%2”</source>
        <translation>Перевод «%1» на «%2»</translation>
    </message>
    <message>
        <source>Mark “%1” as active</source>
        <translation>«%1» снова активен</translation>
    </message>
    <message>
        <source>Mark “%1” as won</source>
        <translation>«%1» выигран</translation>
    </message>
    <message>
        <source>Mark “%1” as lost</source>
        <translation>«%1» проигран</translation>
    </message>
    <message>
        <source>Put “%1” on hold</source>
        <translation>«%1» приостановлен</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <source>Move to stage</source>
        <translation>Перевести на стадию</translation>
    </message>
    <message>
        <source>Mark as won</source>
        <translation>Отметить как выигранный</translation>
    </message>
    <message>
        <source>Mark as lost…</source>
        <translation>Отметить как проигранный…</translation>
    </message>
    <message>
        <source>Put on hold…</source>
        <translation>Приостановить…</translation>
    </message>
    <message>
        <source>Mark as active</source>
        <translation>Снова сделать активным</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
</context>
<context>
    <name>PipelineSettingsBox</name>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <source>Stalled after</source>
        <translation>Зависает через</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>без срока</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Restore the defaults</source>
        <translation>Вернуть значения по умолчанию</translation>
    </message>
    <message>
        <source>A project is stalled when it has been longer than this in its stage; the Dashboard weighs capex and jobs by the probability. Shared by everyone using this database.</source>
        <translation>Проект считается зависшим, если он дольше этого срока на своей стадии; в сводке инвестиции и рабочие места взвешиваются по вероятности. Общие для всех, кто работает с этой базой.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 дн.</translation>
    </message>
    <message>
        <source>The limit for %1 must be from 1 to %2 days, or no limit.</source>
        <translation>Срок для стадии «%1» — от 1 до %2 дней или без срока.</translation>
    </message>
    <message>
        <source>The probability for %1 must be from 0 to 100 %.</source>
        <translation>Вероятность для стадии «%1» — от 0 до 100 %.</translation>
    </message>
</context>
<context>
    <name>ProjectListDialog</name>
    <message>
        <source>Projects: %1</source>
        <translation>Проектов: %1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Capex</source>
        <translation>Капвложения</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
</context>
<context>
    <name>Protections</name>
    <message>
        <source>read only</source>
        <translation>только чтение</translation>
    </message>
    <message>
        <source>Securit&amp;y</source>
        <translation>&amp;Безопасность</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Резервные копии…</translation>
    </message>
    <message>
        <source>&amp;Encrypt this database…</source>
        <translation>За&amp;шифровать эту базу…</translation>
    </message>
    <message>
        <source>&amp;Change passphrase…</source>
        <translation>&amp;Сменить парольную фразу…</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>A server database is backed up with the server&apos;s own tools (pg_dump).</source>
        <translation>Серверную базу копируют средствами самого сервера (pg_dump).</translation>
    </message>
    <message>
        <source>Protect this database with a passphrase? The file, its backups and drafts are then encrypted (SQLCipher); without the passphrase nobody can read them. You can also do this later.</source>
        <translation>Защитить эту базу парольной фразой? Тогда файл, его резервные копии и черновики шифруются (SQLCipher), и без фразы их никто не прочитает. Это можно сделать и позже.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>База данных повреждена</translation>
    </message>
    <message>
        <source>%1

No good backup was found in %2. The file was left as it is.</source>
        <translation>%1

Исправной резервной копии в %2 не найдено. Файл оставлен как есть.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2).

Restore the newest good backup, made %3? The damaged file is kept beside it.</source>
        <translation>%1 повреждён (%2).

Восстановить последнюю исправную копию от %3? Повреждённый файл останется рядом.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>A reason is required.</source>
        <translation>Нужно указать причину.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Save (%1)</source>
        <translation>Сохранить (%1)</translation>
    </message>
</context>
<context>
    <name>ReferenceView</name>
    <message>
        <source>Sites</source>
        <translation>Площадки</translation>
    </message>
    <message>
        <source>Support measures</source>
        <translation>Меры поддержки</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>китайский</translation>
    </message>
    <message>
        <source>Russian and Chinese (the partner&apos;s copy)</source>
        <translation>русский и китайский (экземпляр для партнёра)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Change the PIN…</source>
        <translation>Сменить PIN-код…</translation>
    </message>
    <message>
        <source>Set a PIN…</source>
        <translation>Задать PIN-код…</translation>
    </message>
    <message>
        <source>Imported phone numbers written without a country code are read as numbers of the contact&apos;s or company&apos;s country, else of this one.</source>
        <translation>Импортируемые номера без кода страны читаются как номера страны контакта или его компании, а если она неизвестна — этой страны.</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>Who am I</source>
        <translation>Кто я</translation>
    </message>
    <message>
        <source>Documents in</source>
        <translation>Язык документов</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>Блокировать при бездействии через</translation>
    </message>
    <message>
        <source>Lock PIN (unencrypted database)</source>
        <translation>PIN-код блокировки (незашифрованная база)</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Папка резервных копий</translation>
    </message>
    <message>
        <source>Imported phones without +country</source>
        <translation>Импорт: телефоны без кода страны</translation>
    </message>
    <message>
        <source>Organisation (printed on documents)</source>
        <translation>Организация (печатается в документах)</translation>
    </message>
    <message>
        <source>Memo requisites…</source>
        <translation>Реквизиты протокола…</translation>
    </message>
    <message>
        <source>Everything but the organisation name is kept on this computer; the organisation name is shared by everyone using this database. An unencrypted database locks with the PIN (auto-lock starts once it is set).</source>
        <translation>Всё, кроме названия организации, хранится на этом компьютере; название организации общее для всех, кто работает с этой базой. Незашифрованная база блокируется PIN-кодом (автоблокировка включается, как только он задан).</translation>
    </message>
    <message>
        <source>The backup folder %1 does not exist. Choose an existing folder, or leave the field empty for the default one.</source>
        <translation>Папки резервных копий %1 нет. Выберите существующую папку или оставьте поле пустым, чтобы использовать папку по умолчанию.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Editors and document preview</source>
        <translation>Редакторы и просмотр документа</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>Открыть выбранную запись</translation>
    </message>
    <message>
        <source>Save the form or the meeting</source>
        <translation>Сохранить форму или встречу</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>Закрыть окно диалога</translation>
    </message>
    <message>
        <source>Print the document (preview)</source>
        <translation>Напечатать документ (просмотр)</translation>
    </message>
    <message>
        <source>Save the PDF (preview)</source>
        <translation>Сохранить PDF (просмотр)</translation>
    </message>
    <message>
        <source>Zoom in (preview)</source>
        <translation>Увеличить (просмотр)</translation>
    </message>
    <message>
        <source>Zoom out (preview)</source>
        <translation>Уменьшить (просмотр)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>StaleSaveDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Запись изменена другим пользователем</translation>
    </message>
    <message>
        <source>%1 changed this %2 on %3 (device %4) while you were editing it.</source>
        <translation>Пока вы редактировали запись (%2), её изменил(а) %1: %3, устройство %4.</translation>
    </message>
    <message>
        <source>This %1 was changed on %2 (device %3) while you were editing it.</source>
        <translation>Пока вы редактировали запись (%1), её изменили: %2, устройство %3.</translation>
    </message>
    <message>
        <source>It is in the Trash now.</source>
        <translation>Сейчас она в корзине.</translation>
    </message>
    <message>
        <source>Reload shows their version and discards your changes; Overwrite saves yours over theirs; Compare shows the fields that differ.</source>
        <translation>«Перезагрузить» покажет их версию и отбросит ваши изменения; «Перезаписать» сохранит вашу версию поверх их версии; «Сравнить» покажет поля, которые различаются.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моё</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Их</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Перезагрузить</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Перезаписать</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Our team</source>
        <translation>Наша команда</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Площадки</translation>
    </message>
    <message>
        <source>Support measures</source>
        <translation>Меры поддержки</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Trips</source>
        <translation>Поездки</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Встречи</translation>
    </message>
    <message>
        <source>Stage moves</source>
        <translation>Смены этапа</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Synchronise</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Merge this database with another copy of the team&apos;s data. Both sides end up with the same records; the same field changed on both sides is kept in the Conflicts list, never lost.</source>
        <translation>Слить эту базу с другой копией данных команды. После слияния в обеих базах одни и те же записи; если одно и то же поле изменено на обеих сторонах, второе значение попадает в список «Конфликты» и не теряется.</translation>
    </message>
    <message>
        <source>Another database file (a USB stick, a shared folder)</source>
        <translation>Другой файл базы данных (флешка, общая папка)</translation>
    </message>
    <message>
        <source>The other database file</source>
        <translation>Файл другой базы данных</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>The team&apos;s PostgreSQL server</source>
        <translation>Сервер PostgreSQL команды</translation>
    </message>
    <message>
        <source>Export changes to a file…</source>
        <translation>Выгрузить изменения в файл…</translation>
    </message>
    <message>
        <source>The packet file to write</source>
        <translation>Файл пакета, который будет записан</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Все записи</translation>
    </message>
    <message>
        <source>Everything (for any database)</source>
        <translation>Всё (для любой базы)</translation>
    </message>
    <message>
        <source>What %1 has not seen yet</source>
        <translation>То, чего ещё нет у %1</translation>
    </message>
    <message>
        <source>Protect the file with a separate passphrase</source>
        <translation>Защитить файл отдельной парольной фразой</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Only the trip:</source>
        <translation>Только поездка:</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>Изменения:</translation>
    </message>
    <message>
        <source>Import changes from a file…</source>
        <translation>Загрузить изменения из файла…</translation>
    </message>
    <message>
        <source>A packet exported on another laptop</source>
        <translation>Пакет, выгруженный на другом ноутбуке</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Выгрузить</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>The other database</source>
        <translation>Другая база</translation>
    </message>
    <message>
        <source>crm-desktop databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Базы данных crm-desktop (*.sqlite3 *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Export changes to a file</source>
        <translation>Выгрузка изменений в файл</translation>
    </message>
    <message>
        <source>crm-desktop sync packets (*.crmsync)</source>
        <translation>Пакеты синхронизации crm-desktop (*.crmsync)</translation>
    </message>
    <message>
        <source>Import changes from a file</source>
        <translation>Загрузка изменений из файла</translation>
    </message>
    <message>
        <source>Both databases are changed together at the end, in one step each. Cancel leaves both as they were.</source>
        <translation>Обе базы изменяются в самом конце, каждая за один шаг. «Отмена» оставляет обе базы как были.</translation>
    </message>
    <message>
        <source>Synchronising with %1…</source>
        <translation>Синхронизация с %1…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Exporting changes to %1…</source>
        <translation>Выгрузка изменений в %1…</translation>
    </message>
    <message>
        <source>Applying %1…</source>
        <translation>Применение %1…</translation>
    </message>
    <message>
        <source>A passphrase for the packet</source>
        <translation>Парольная фраза для пакета</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <source>Synchronisation cancelled; nothing was changed on either side.</source>
        <translation>Синхронизация отменена; ни в одной из баз ничего не изменилось.</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>другой программе</translation>
    </message>
    <message>
        <source>%1 is open for writing (%2). Close it there or wait until that program is done, then try again. Nothing was changed.</source>
        <translation>%1 открыта для записи (%2). Закройте её там или дождитесь, пока та программа закончит работу, и попробуйте снова. Ничего не изменилось.</translation>
    </message>
    <message>
        <source>The synchronisation failed: %1. Nothing was changed.</source>
        <translation>Синхронизация не удалась: %1. Ничего не изменилось.</translation>
    </message>
    <message>
        <source>%1 records written to %2.</source>
        <translation>Записей выгружено: %1, файл %2.</translation>
    </message>
    <message>
        <source>The file is encrypted.</source>
        <translation>Файл зашифрован.</translation>
    </message>
    <message>
        <source>The file is not encrypted: carry it with care.</source>
        <translation>Файл не зашифрован: обращайтесь с ним осторожно.</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>Эта база</translation>
    </message>
    <message>
        <source>Synchronised: both databases now hold the same records.</source>
        <translation>Синхронизировано: теперь в обеих базах одни и те же записи.</translation>
    </message>
    <message>
        <source>Applied the changes from %1.</source>
        <translation>Применены изменения от %1.</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Изменений нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n new conflict(s): see Conflicts in the navigation.</source>
        <translation>
            <numerusform>%n новый конфликт: см. «Конфликты» в списке разделов.</numerusform>
            <numerusform>%n новых конфликта: см. «Конфликты» в списке разделов.</numerusform>
            <numerusform>%n новых конфликтов: см. «Конфликты» в списке разделов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <source>Overdue by %1 d</source>
        <translation>Просрочено на %1 дн.</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <source>Open tasks</source>
        <translation>Открытые задачи</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Все задачи</translation>
    </message>
    <message>
        <source>Filter tasks…</source>
        <translation>Фильтр задач…</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>Create a task (Ctrl+N)</source>
        <translation>Создать задачу (Ctrl+N)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Project / company</source>
        <translation>Проект / компания</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Все ответственные</translation>
    </message>
    <message>
        <source>%1 (me)</source>
        <translation>%1 (я)</translation>
    </message>
    <message>
        <source>Open: %1</source>
        <translation>Открытых: %1</translation>
    </message>
    <message>
        <source>overdue: %1</source>
        <translation>просрочено: %1</translation>
    </message>
    <message>
        <source>Mark “%1” as done</source>
        <translation>Выполнение «%1»</translation>
    </message>
    <message>
        <source>Reopen “%1”</source>
        <translation>Повторное открытие «%1»</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Открыть снова</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Отметить как выполненную</translation>
    </message>
    <message>
        <source>Open task</source>
        <translation>Открыть задачу</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>Удаление задачи</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>no date</source>
        <translation>без срока</translation>
    </message>
    <message>
        <source>Only my tasks</source>
        <translation>Только мои задачи</translation>
    </message>
    <message>
        <source>Show the tasks of the team member chosen in Settings</source>
        <translation>Показывать задачи сотрудника, выбранного в настройках</translation>
    </message>
    <message>
        <source>Trip agenda…</source>
        <translation>Программа поездки…</translation>
    </message>
    <message>
        <source>Venue time</source>
        <translation>Местное время</translation>
    </message>
    <message>
        <source>Moscow time</source>
        <translation>Время МСК</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Company / project</source>
        <translation>Компания / проект</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Следующий шаг</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>Дней на стадии</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Сегодня, %1</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>Просроченных задач нет.</translation>
    </message>
    <message>
        <source>No open tasks.</source>
        <translation>Открытых задач нет.</translation>
    </message>
    <message>
        <source>Meetings in the next %1 days</source>
        <translation>Встречи на ближайшие %1 дн.</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Просроченные задачи</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>Открытые задачи</translation>
    </message>
    <message>
        <source>Next step of each active project</source>
        <translation>Следующий шаг по каждому активному проекту</translation>
    </message>
    <message>
        <source>Stalled projects (longer than the limit in one stage)</source>
        <translation>Зависшие проекты (дольше нормы на одной стадии)</translation>
    </message>
    <message>
        <source>the first %1 of %2</source>
        <translation>первые %1 из %2</translation>
    </message>
    <message>
        <source>Trip under way: %1</source>
        <translation>Идёт поездка: %1</translation>
    </message>
    <message>
        <source>Next trip: %1</source>
        <translation>Ближайшая поездка: %1</translation>
    </message>
    <message>
        <source>Venue time, %1</source>
        <translation>Местное время, %1</translation>
    </message>
    <message>
        <source>No meetings in the next %1 days.</source>
        <translation>На ближайшие %1 дн. встреч нет.</translation>
    </message>
    <message>
        <source>Overdue by %1 d</source>
        <translation>Просрочено на %1 дн.</translation>
    </message>
    <message>
        <source>No next step planned</source>
        <translation>Следующий шаг не запланирован</translation>
    </message>
    <message>
        <source>No active projects.</source>
        <translation>Активных проектов нет.</translation>
    </message>
    <message>
        <source>%1 days in this stage; the limit is %2</source>
        <translation>%1 дн. на этой стадии; норма — %2</translation>
    </message>
    <message>
        <source>No project has stayed too long in one stage.</source>
        <translation>Ни один проект не задержался на стадии дольше нормы.</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Deleted records stay here until they are restored. Restoring a company also brings back the contacts, projects, meetings and tasks deleted with it.</source>
        <translation>Удалённые записи хранятся здесь, пока их не восстановят. Вместе с компанией восстанавливаются удалённые с ней контакты, проекты, встречи и задачи.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <source>Support measure</source>
        <translation>Мера поддержки</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>Восстановление: %1</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Не удалось восстановить</translation>
    </message>
</context>
<context>
    <name>TripAgenda</name>
    <message>
        <source>Moscow %1</source>
        <translation>МСК %1</translation>
    </message>
    <message>
        <source>Language, interpreter:</source>
        <translation>Язык, переводчик:</translation>
    </message>
    <message>
        <source>Our side</source>
        <translation>Наша сторона</translation>
    </message>
    <message>
        <source>Their side</source>
        <translation>Их сторона</translation>
    </message>
    <message>
        <source>Delegation:</source>
        <translation>Делегация:</translation>
    </message>
    <message>
        <source>No meetings.</source>
        <translation>Встреч нет.</translation>
    </message>
    <message>
        <source>Select a trip to see its agenda.</source>
        <translation>Выберите поездку, чтобы увидеть её программу.</translation>
    </message>
    <message>
        <source>Trip agenda</source>
        <translation>Программа поездки</translation>
    </message>
</context>
<context>
    <name>TripsView</name>
    <message>
        <source>Agenda</source>
        <translation>Программа</translation>
    </message>
</context>
<context>
    <name>UnencryptedCopy</name>
    <message>
        <source>File not encrypted</source>
        <translation>Файл не зашифрован</translation>
    </message>
    <message>
        <source>%1 is not encrypted, unlike the database it comes from. Only your account can read it; keep it on an encrypted disk or delete it when it is no longer needed.</source>
        <translation>Файл %1 не зашифрован, в отличие от базы данных, из которой он получен. Прочитать его может только ваша учётная запись; храните его на зашифрованном диске или удалите, когда он станет не нужен.</translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <source>%1 — locked</source>
        <translation>%1 — заблокировано</translation>
    </message>
    <message>
        <source>Enter the PIN to see the data again.</source>
        <translation>Введите PIN-код, чтобы снова увидеть данные.</translation>
    </message>
    <message>
        <source>Enter the passphrase to see the data again.</source>
        <translation>Введите парольную фразу, чтобы снова увидеть данные.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
</context>
<context>
    <name>WhoAmIDialog</name>
    <message>
        <source>Who am I</source>
        <translation>Кто я</translation>
    </message>
    <message>
        <source>Who uses this computer? New projects, tasks and meetings get you as the responsible member, and memos name you as the compiler. You can change it later in File → Settings.</source>
        <translation>Кто работает на этом компьютере? В новых проектах, задачах и встречах вы будете указаны ответственным, а в справках о встречах — составителем. Изменить выбор можно позже: Файл → Настройки.</translation>
    </message>
    <message>
        <source>That is me</source>
        <translation>Это я</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
</context>
<context>
    <name>_PathRow</name>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(не указано)</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проектов</translation>
    </message>
    <message>
        <source>Capex</source>
        <translation>Капвложения</translation>
    </message>
    <message>
        <source>Weighted capex</source>
        <translation>Капвложения с учётом вероятности</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Рабочих мест</translation>
    </message>
    <message>
        <source>… %1 more: click to list all</source>
        <translation>… и ещё %1: нажмите, чтобы увидеть все</translation>
    </message>
    <message>
        <source>Protocol of intentions signed</source>
        <translation>Подписан протокол о намерениях</translation>
    </message>
    <message>
        <source>Investment agreement signed</source>
        <translation>Заключено инвестиционное соглашение</translation>
    </message>
    <message>
        <source>Construction started</source>
        <translation>Начато строительство</translation>
    </message>
    <message>
        <source>Production launched</source>
        <translation>Запущено производство</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <source>Weighted jobs</source>
        <translation>Рабочие места с учётом вероятности</translation>
    </message>
    <message>
        <source>Entered in the period</source>
        <translation>Вошли в этап за период</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>Следующий этап</translation>
    </message>
    <message>
        <source>Moved on</source>
        <translation>Перешли дальше</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>Дни на этапе</translation>
    </message>
    <message>
        <source>Completed stays</source>
        <translation>Завершённых пребываний</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Медиана, дней</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Зависшие</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Limit, days</source>
        <translation>Предел, дней</translation>
    </message>
    <message>
        <source>Last meeting</source>
        <translation>Последняя встреча</translation>
    </message>
    <message>
        <source>Intentions → agreements → realised</source>
        <translation>Протоколы → соглашения → реализация</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Рубеж</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation>Отрасли</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Ответственные</translation>
    </message>
    <message>
        <source>Projects by trip</source>
        <translation>Проекты по поездкам</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Просроченные поручения</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Oldest due date</source>
        <translation>Самый ранний срок</translation>
    </message>
    <message>
        <source>Meetings per trip</source>
        <translation>Встречи в поездках</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Встреч</translation>
    </message>
    <message>
        <source>Stage moves within 30 days</source>
        <translation>Смен этапа за 30 дней</translation>
    </message>
    <message>
        <source>Forward moves</source>
        <translation>Вперёд по воронке</translation>
    </message>
</context>
<context>
    <name>details</name>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Registration code</source>
        <translation>Регистрационный код</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудников</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Встречи</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>overdue by %1 d</source>
        <translation>просрочено на %1 дн.</translation>
    </message>
    <message>
        <source>Finished tasks</source>
        <translation>Завершённые задачи</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Принимает решения</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Meetings attended</source>
        <translation>Участвовал во встречах</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>Дней на стадии</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Продукция</translation>
    </message>
    <message>
        <source>Planned output</source>
        <translation>Плановый выпуск</translation>
    </message>
    <message>
        <source>Capital expenditure</source>
        <translation>Капитальные вложения</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Рабочие места</translation>
    </message>
    <message>
        <source>Land area</source>
        <translation>Площадь участка</translation>
    </message>
    <message>
        <source>Floor area</source>
        <translation>Площадь помещений</translation>
    </message>
    <message>
        <source>Available area</source>
        <translation>Свободная площадь</translation>
    </message>
    <message>
        <source>Probability, %</source>
        <translation>Вероятность, %</translation>
    </message>
    <message>
        <source>Expected decision</source>
        <translation>Ожидаемое решение</translation>
    </message>
    <message>
        <source>Candidate sites</source>
        <translation>Площадки-кандидаты</translation>
    </message>
    <message>
        <source>Support measures</source>
        <translation>Меры поддержки</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>История стадий</translation>
    </message>
    <message>
        <source>%1 day(s)</source>
        <translation>%1 дн.</translation>
    </message>
    <message>
        <source>Start (venue time)</source>
        <translation>Начало (местное время)</translation>
    </message>
    <message>
        <source>Moscow time</source>
        <translation>Московское время</translation>
    </message>
    <message>
        <source>Duration, min</source>
        <translation>Длительность, мин</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <source>Confidentiality</source>
        <translation>Конфиденциальность</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Our participants</source>
        <translation>Наши участники</translation>
    </message>
    <message>
        <source>Their participants</source>
        <translation>Участники с их стороны</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Повестка</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Обсуждение</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Договорённости</translation>
    </message>
    <message>
        <source>Stage move</source>
        <translation>Смена стадии</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Дальнейшие шаги</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>Города</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>Conclusions</source>
        <translation>Выводы</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Муниципалитет</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>Инженерная инфраструктура</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Кто предоставляет</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Условия</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>Открытые задачи</translation>
    </message>
    <message>
        <source>Select a record to see its details.</source>
        <translation>Выберите запись, чтобы увидеть подробности.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot save</source>
        <translation>Не удалось сохранить</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>Поле «{field}» обязательно.</translation>
    </message>
    <message>
        <source>The limit of stage {stage} must be a whole number of days from {low} to {high}.</source>
        <translation>Срок стадии {stage} должен быть целым числом дней от {low} до {high}.</translation>
    </message>
    <message>
        <source>The probability of stage {stage} must be a whole number from {low} to {high}.</source>
        <translation>Вероятность стадии {stage} должна быть целым числом от {low} до {high}.</translation>
    </message>
    <message>
        <source>“{value}” is not a valid email address.</source>
        <translation>«{value}» — неверный адрес эл. почты.</translation>
    </message>
    <message>
        <source>“{value}” is not a valid phone number (use +country code, e.g. +86 10 1234 5678).</source>
        <translation>«{value}» — неверный номер телефона (укажите код страны, например +86 10 1234 5678).</translation>
    </message>
    <message>
        <source>“{value}” is not an ISO 4217 currency code (e.g. RUB, CNY, USD).</source>
        <translation>«{value}» — неизвестный код валюты (три латинские буквы, например RUB, CNY, USD).</translation>
    </message>
    <message>
        <source>“{value}” is not an ISO 3166 country code (e.g. CN, RU).</source>
        <translation>«{value}» — неизвестный код страны (две латинские буквы, например CN, RU).</translation>
    </message>
    <message>
        <source>“{value}” is not a known time zone (e.g. Asia/Shanghai).</source>
        <translation>«{value}» — неизвестный часовой пояс (например, Asia/Shanghai).</translation>
    </message>
    <message>
        <source>“{value}” is not a date (use YYYY-MM-DD).</source>
        <translation>«{value}» — не дата (формат ГГГГ-ММ-ДД).</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time (use YYYY-MM-DD HH:MM).</source>
        <translation>«{value}» — не дата и время (формат ГГГГ-ММ-ДД ЧЧ:ММ).</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Дата окончания раньше даты начала.</translation>
    </message>
    <message>
        <source>“{value}” is not a number.</source>
        <translation>«{value}» — не число.</translation>
    </message>
    <message>
        <source>{field} cannot be negative.</source>
        <translation>Поле «{field}» не может быть отрицательным.</translation>
    </message>
    <message>
        <source>{field} must be between {low} and {high}.</source>
        <translation>Поле «{field}» должно быть от {low} до {high}.</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters.</source>
        <translation>Поле «{field}» длиннее {limit} символов.</translation>
    </message>
    <message>
        <source>No {entity} with id {id}.</source>
        <translation>Запись не найдена ({entity}, {id}).</translation>
    </message>
    <message>
        <source>The {entity} {id} is in the Trash.</source>
        <translation>Запись ({entity}, {id}) находится в корзине.</translation>
    </message>
    <message>
        <source>A {entity} named “{value}” already exists.</source>
        <translation>Запись «{entity}» с названием «{value}» уже есть.</translation>
    </message>
    <message>
        <source>The project is already at this stage.</source>
        <translation>Проект уже на этой стадии.</translation>
    </message>
    <message>
        <source>The {entity} is still used by {count} records.</source>
        <translation>Запись «{entity}» используется в {count} записях.</translation>
    </message>
    <message>
        <source>The old value {value} cannot be restored: {detail}.</source>
        <translation>Прежнее значение {value} нельзя вернуть: {detail}.</translation>
    </message>
    <message>
        <source>The field {field} of a {entity} cannot be restored here.</source>
        <translation>Поле {field} (запись: {entity}) здесь вернуть нельзя.</translation>
    </message>
    <message>
        <source>“{name}” is larger than {limit} MB.</source>
        <translation>Файл «{name}» больше {limit} МБ.</translation>
    </message>
    <message>
        <source>Records of type {entity} cannot have attachments.</source>
        <translation>К записи вида «{entity}» нельзя прикреплять файлы.</translation>
    </message>
    <message>
        <source>The content of “{name}” is missing.</source>
        <translation>Содержимое файла «{name}» отсутствует.</translation>
    </message>
    <message>
        <source>The content of “{name}” is damaged.</source>
        <translation>Содержимое файла «{name}» повреждено.</translation>
    </message>
    <message>
        <source>No stage with code {code}.</source>
        <translation>Стадии с кодом {code} нет.</translation>
    </message>
    <message>
        <source>This stage move cannot be undone.</source>
        <translation>Этот переход между стадиями отменить нельзя.</translation>
    </message>
    <message>
        <source>{member} changed this {entity} on device {device} at {at} (it is now version {current}, you had version {loaded}); nothing was saved.</source>
        <translation>Запись ({entity}) изменил(а) {member} на устройстве {device} в {at} (теперь это версия {current}, у вас была версия {loaded}); ничего не сохранено.</translation>
    </message>
    <message>
        <source>This {entity} was changed on device {device} at {at} (it is now version {current}, you had version {loaded}); nothing was saved.</source>
        <translation>Запись ({entity}) изменена на устройстве {device} в {at} (теперь это версия {current}, у вас была версия {loaded}); ничего не сохранено.</translation>
    </message>
    <message>
        <source>Synchronisation cancelled; nothing was changed.</source>
        <translation>Синхронизация отменена; ничего не изменилось.</translation>
    </message>
    <message>
        <source>Choose the database to synchronise with.</source>
        <translation>Выберите базу данных для синхронизации.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} не существует.</translation>
    </message>
    <message>
        <source>Both names lead to the same database; nothing to synchronise.</source>
        <translation>Оба имени ведут к одной и той же базе; синхронизировать нечего.</translation>
    </message>
    <message>
        <source>A read-only database cannot take part in a sync.</source>
        <translation>База, открытая только для чтения, не может участвовать в синхронизации.</translation>
    </message>
    <message>
        <source>{name} belongs to another organisation&apos;s databases; nothing was changed.</source>
        <translation>{name} относится к базам другой организации; ничего не изменилось.</translation>
    </message>
    <message>
        <source>{path} was made by a newer crm-desktop (schema {schema}); please update the application. Nothing was changed.</source>
        <translation>{path} создан более новой версией crm-desktop (схема {schema}); обновите программу. Ничего не изменилось.</translation>
    </message>
    <message>
        <source>{path} was made from this database; nothing to apply.</source>
        <translation>{path} выгружен из этой же базы; применять нечего.</translation>
    </message>
    <message>
        <source>{path} is not a complete crm-desktop sync packet (damaged or cut short); nothing was changed.</source>
        <translation>{path} — неполный пакет синхронизации crm-desktop (повреждён или обрезан); ничего не изменилось.</translation>
    </message>
    <message>
        <source>{path} is encrypted; give its passphrase.</source>
        <translation>{path} зашифрован; введите его парольную фразу.</translation>
    </message>
    <message>
        <source>{path} does not open with that passphrase; nothing was changed.</source>
        <translation>{path} не открывается этой парольной фразой; ничего не изменилось.</translation>
    </message>
    <message>
        <source>{path} is not a crm-desktop sync packet.</source>
        <translation>{path} — не пакет синхронизации crm-desktop.</translation>
    </message>
    <message>
        <source>{path} was made by a newer crm-desktop (packet format {format}); please update the application.</source>
        <translation>{path} создан более новой версией crm-desktop (формат пакета {format}); обновите программу.</translation>
    </message>
    <message>
        <source>The conflict {id} is already resolved.</source>
        <translation>Конфликт {id} уже решён.</translation>
    </message>
    <message>
        <source>No peer “{text}”: this database has never synchronised with it.</source>
        <translation>Нет базы «{text}»: эта база никогда с ней не синхронизировалась.</translation>
    </message>
    <message>
        <source>Several peers match “{text}”; give more of the id.</source>
        <translation>Под «{text}» подходят несколько баз; укажите больше символов идентификатора.</translation>
    </message>
    <message>
        <source>Give at least 4 characters of the conflict id.</source>
        <translation>Укажите хотя бы 4 символа идентификатора конфликта.</translation>
    </message>
    <message>
        <source>No conflict {text}.</source>
        <translation>Конфликта {text} нет.</translation>
    </message>
    <message>
        <source>The id {text} matches several conflicts; give more of it.</source>
        <translation>Идентификатор {text} подходит к нескольким конфликтам; укажите больше символов.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Cannot read {path}: {detail}.</source>
        <translation>Не удаётся прочитать {path}: {detail}.</translation>
    </message>
    <message>
        <source>{path} is not a regular file.</source>
        <translation>{path} — не обычный файл.</translation>
    </message>
    <message>
        <source>No tag named “{tag}”.</source>
        <translation>Метки «{tag}» нет.</translation>
    </message>
    <message>
        <source>No stage “{stage}”.</source>
        <translation>Стадии «{stage}» нет.</translation>
    </message>
    <message>
        <source>Unknown export format “{format}” (use one of: {formats}).</source>
        <translation>Неизвестный формат выгрузки «{format}» (возможны: {formats}).</translation>
    </message>
    <message>
        <source>unknown time zone {tzid}</source>
        <translation>неизвестный часовой пояс {tzid}</translation>
    </message>
    <message>
        <source>meeting {title} has a start time without a time zone</source>
        <translation>у встречи {title} время начала указано без часового пояса</translation>
    </message>
    <message>
        <source>not valid {encoding} text</source>
        <translation>текст не в кодировке {encoding}</translation>
    </message>
    <message>
        <source>binary data: this is not a CSV file</source>
        <translation>двоичные данные: это не файл CSV</translation>
    </message>
    <message>
        <source>{count} fields where the header has {expected}</source>
        <translation>полей: {count}, а в заголовке: {expected}</translation>
    </message>
    <message>
        <source>malformed CSV ({detail})</source>
        <translation>повреждённый CSV ({detail})</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <source>not a readable Excel workbook ({detail})</source>
        <translation>книгу Excel не удаётся прочитать ({detail})</translation>
    </message>
    <message>
        <source>the workbook&apos;s first sheet is empty</source>
        <translation>первый лист книги пуст</translation>
    </message>
    <message>
        <source>expected a property such as NAME:value</source>
        <translation>ожидалось свойство вида ИМЯ:значение</translation>
    </message>
    <message>
        <source>invalid property name {name}</source>
        <translation>недопустимое имя свойства {name}</translation>
    </message>
    <message>
        <source>invalid quoted-printable value in {name}</source>
        <translation>неверно закодированное значение (quoted-printable) в {name}</translation>
    </message>
    <message>
        <source>{name} is not valid {charset} text</source>
        <translation>{name}: текст не в кодировке {charset}</translation>
    </message>
    <message>
        <source>unknown character set {charset} in {name}</source>
        <translation>неизвестная кодировка {charset} в {name}</translation>
    </message>
    <message>
        <source>END:VCARD without BEGIN:VCARD</source>
        <translation>END:VCARD без BEGIN:VCARD</translation>
    </message>
    <message>
        <source>vCard without VERSION</source>
        <translation>визитка vCard без VERSION</translation>
    </message>
    <message>
        <source>text outside a vCard (expected BEGIN:VCARD)</source>
        <translation>текст вне визитки vCard (ожидалось BEGIN:VCARD)</translation>
    </message>
    <message>
        <source>unsupported vCard version {version}</source>
        <translation>версия vCard {version} не поддерживается</translation>
    </message>
    <message>
        <source>vCard not closed (no END:VCARD)</source>
        <translation>визитка vCard не закрыта (нет END:VCARD)</translation>
    </message>
    <message>
        <source>no vCards found</source>
        <translation>визиток vCard не найдено</translation>
    </message>
    <message>
        <source>the file is {size}; the limit for an import is {limit} (split it into smaller files)</source>
        <translation>размер файла {size}, а для импорта допускается не больше {limit} (разделите его на несколько файлов)</translation>
    </message>
    <message>
        <source>more than {limit} rows; the limit for one import is {limit} (split the file)</source>
        <translation>больше {limit} строк, а за один импорт допускается не больше {limit} (разделите файл)</translation>
    </message>
    <message>
        <source>a cell of {size} characters; the limit is {limit}</source>
        <translation>ячейка длиной {size} знаков, а допускается не больше {limit}</translation>
    </message>
    <message>
        <source>a cell longer than {limit} characters, the limit</source>
        <translation>ячейка длиннее {limit} знаков — это предел</translation>
    </message>
    <message>
        <source>a value of {size} bytes; the limit is {limit} characters</source>
        <translation>значение размером {size} байт, а допускается не больше {limit} знаков</translation>
    </message>
    <message>
        <source>the workbook unpacks to {size}; the limit is {limit}</source>
        <translation>книга Excel в распакованном виде занимает {size}, а допускается не больше {limit}</translation>
    </message>
    <message>
        <source>more than {limit} shared strings; the limit is {limit}</source>
        <translation>больше {limit} общих строк в книге Excel, а допускается не больше {limit}</translation>
    </message>
    <message>
        <source>{source}, line {line}: {reason}</source>
        <translation>{source}, строка {line}: {reason}</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>строка {line}: {reason}</translation>
    </message>
    <message>
        <source>{source}: {reason}</source>
        <translation>{source}: {reason}</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>In Chinese characters (汉字)</source>
        <translation>Иероглифами (汉字)</translation>
    </message>
    <message>
        <source>Pinyin / English</source>
        <translation>Пиньинь / английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>По-русски</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Отображаемое название</translation>
    </message>
    <message>
        <source>Taken from the names above when empty</source>
        <translation>Если пусто — берётся из названий выше</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Registration code</source>
        <translation>Регистрационный код</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудников</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Revenue currency</source>
        <translation>Валюта выручки</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Family name (汉字)</source>
        <translation>Фамилия (汉字)</translation>
    </message>
    <message>
        <source>Family name (pinyin)</source>
        <translation>Фамилия (пиньинь)</translation>
    </message>
    <message>
        <source>Family name (Russian)</source>
        <translation>Фамилия (по-русски)</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Given name (汉字)</source>
        <translation>Имя (汉字)</translation>
    </message>
    <message>
        <source>Given name (pinyin)</source>
        <translation>Имя (пиньинь)</translation>
    </message>
    <message>
        <source>Given name (Russian)</source>
        <translation>Имя (по-русски)</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>one a line, e.g. work: li.wei@example.cn</source>
        <translation>по одному в строке, например work: li.wei@example.cn</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>one a line, e.g. mobile: +86 139 1234 5678</source>
        <translation>по одному в строке, например mobile: +86 139 1234 5678</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Принимает решения</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Code name</source>
        <translation>Кодовое название</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Reason (lost / on hold)</source>
        <translation>Причина (проигран / приостановлен)</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Продукция</translation>
    </message>
    <message>
        <source>Planned output</source>
        <translation>Плановый выпуск</translation>
    </message>
    <message>
        <source>Capital expenditure</source>
        <translation>Капитальные вложения</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Рабочие места</translation>
    </message>
    <message>
        <source>Land area, ha</source>
        <translation>Площадь земли, га</translation>
    </message>
    <message>
        <source>Floor area, m²</source>
        <translation>Площадь помещений, м²</translation>
    </message>
    <message>
        <source>Probability, %</source>
        <translation>Вероятность, %</translation>
    </message>
    <message>
        <source>Expected decision</source>
        <translation>Ожидаемое решение</translation>
    </message>
    <message>
        <source>Candidate sites</source>
        <translation>Площадки-кандидаты</translation>
    </message>
    <message>
        <source>Support measures</source>
        <translation>Меры поддержки</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>Города</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>Conclusions</source>
        <translation>Выводы</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <source>English</source>
        <translation>По-английски</translation>
    </message>
    <message>
        <source>Chinese (汉字)</source>
        <translation>По-китайски (汉字)</translation>
    </message>
    <message>
        <source>Title in other languages</source>
        <translation>Название на других языках</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Муниципалитет</translation>
    </message>
    <message>
        <source>Available area, m²</source>
        <translation>Свободная площадь, м²</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>Инженерная инфраструктура</translation>
    </message>
    <message>
        <source>Support measure</source>
        <translation>Мера поддержки</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Кто предоставляет</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Условия</translation>
    </message>
    <message>
        <source>Member of our team</source>
        <translation>Сотрудник нашей команды</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>ФИО (по-русски)</translation>
    </message>
    <message>
        <source>Name (Latin)</source>
        <translation>Имя (латиницей)</translation>
    </message>
    <message>
        <source>Position (English)</source>
        <translation>Должность (по-английски)</translation>
    </message>
    <message>
        <source>Position (Chinese)</source>
        <translation>Должность (по-китайски)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Работает</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Investor</source>
        <translation>Инвестор</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <source>Government body</source>
        <translation>Орган власти</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Ассоциация</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активный</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выигран</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Проигран</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Приостановлен</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Очно</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Видеосвязь</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Для служебного пользования</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Конфиденциально</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнена</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <source>Industrial park</source>
        <translation>Индустриальный парк</translation>
    </message>
    <message>
        <source>Special economic zone</source>
        <translation>Особая экономическая зона</translation>
    </message>
    <message>
        <source>Technopark</source>
        <translation>Технопарк</translation>
    </message>
    <message>
        <source>Industrial coworking</source>
        <translation>Промышленный коворкинг</translation>
    </message>
    <message>
        <source>Land plot</source>
        <translation>Земельный участок</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Здание</translation>
    </message>
    <message>
        <source>Tax incentive</source>
        <translation>Налоговая льгота</translation>
    </message>
    <message>
        <source>Subsidy</source>
        <translation>Субсидия</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Заём</translation>
    </message>
    <message>
        <source>Land lease</source>
        <translation>Аренда земли</translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation>Инфраструктура</translation>
    </message>
    <message>
        <source>Consulting</source>
        <translation>Сопровождение</translation>
    </message>
    <message>
        <source>Unicode (UTF-8)</source>
        <translation>Юникод (UTF-8)</translation>
    </message>
    <message>
        <source>Unicode (UTF-8, Excel)</source>
        <translation>Юникод (UTF-8, Excel)</translation>
    </message>
    <message>
        <source>Unicode (UTF-16)</source>
        <translation>Юникод (UTF-16)</translation>
    </message>
    <message>
        <source>Cyrillic (Windows-1251)</source>
        <translation>Кириллица (Windows-1251)</translation>
    </message>
    <message>
        <source>company</source>
        <translation>компания</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <source>project</source>
        <translation>проект</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>встреча</translation>
    </message>
    <message>
        <source>task</source>
        <translation>задача</translation>
    </message>
    <message>
        <source>member of our team</source>
        <translation>сотрудник нашей команды</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>стадия</translation>
    </message>
    <message>
        <source>site</source>
        <translation>площадка</translation>
    </message>
    <message>
        <source>support measure</source>
        <translation>мера поддержки</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>метка</translation>
    </message>
    <message>
        <source>trip</source>
        <translation>поездка</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>вложение</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Name in Chinese</source>
        <translation>Название иероглифами</translation>
    </message>
    <message>
        <source>Latin name</source>
        <translation>Название латиницей</translation>
    </message>
    <message>
        <source>Russian name</source>
        <translation>Название по-русски</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Title in English</source>
        <translation>Название на английском</translation>
    </message>
    <message>
        <source>Title in Chinese</source>
        <translation>Название на китайском</translation>
    </message>
    <message>
        <source>Partner&apos;s language</source>
        <translation>Язык партнёра</translation>
    </message>
    <message>
        <source>Title in the partner&apos;s language</source>
        <translation>Тема на языке партнёра</translation>
    </message>
    <message>
        <source>Place in the partner&apos;s language</source>
        <translation>Место на языке партнёра</translation>
    </message>
    <message>
        <source>Agenda in the partner&apos;s language</source>
        <translation>Повестка на языке партнёра</translation>
    </message>
    <message>
        <source>Agreements in the partner&apos;s language</source>
        <translation>Договорённости на языке партнёра</translation>
    </message>
    <message>
        <source>Next steps in the partner&apos;s language</source>
        <translation>Дальнейшие шаги на языке партнёра</translation>
    </message>
    <message>
        <source>Family name (汉字)</source>
        <translation>Фамилия (汉字)</translation>
    </message>
    <message>
        <source>Given name (汉字)</source>
        <translation>Имя (汉字)</translation>
    </message>
    <message>
        <source>Family name (Latin)</source>
        <translation>Фамилия (латиницей)</translation>
    </message>
    <message>
        <source>Given name (Latin)</source>
        <translation>Имя (латиницей)</translation>
    </message>
    <message>
        <source>Family name (Russian)</source>
        <translation>Фамилия (по-русски)</translation>
    </message>
    <message>
        <source>Given name (Russian)</source>
        <translation>Имя (по-русски)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Registration code</source>
        <translation>Регистрационный код</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудников</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Revenue currency</source>
        <translation>Валюта выручки</translation>
    </message>
    <message>
        <source>Capex</source>
        <translation>Инвестиции</translation>
    </message>
    <message>
        <source>Capex currency</source>
        <translation>Валюта инвестиций</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Рабочие места</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <source>Floor area</source>
        <translation>Площадь помещений</translation>
    </message>
    <message>
        <source>Available area</source>
        <translation>Свободная площадь</translation>
    </message>
    <message>
        <source>Land area</source>
        <translation>Площадь участка</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Имя файла</translation>
    </message>
    <message>
        <source>Our side</source>
        <translation>С нашей стороны</translation>
    </message>
    <message>
        <source>Their side</source>
        <translation>Со стороны партнёра</translation>
    </message>
    <message>
        <source>Our side: order set by hand</source>
        <translation>С нашей стороны: порядок вручную</translation>
    </message>
    <message>
        <source>Their side: order set by hand</source>
        <translation>Со стороны партнёра: порядок вручную</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>汉字</source>
        <translation>汉字</translation>
    </message>
    <message>
        <source>Russian name</source>
        <translation>Название по-русски</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>a person&apos;s full name (ФИО), not a thing&apos;s name</comment>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>company</source>
        <translation>компания</translation>
    </message>
    <message>
        <source>Pinyin / English</source>
        <translation>Пиньинь / английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>По-русски</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>%1 (%2 overdue)</source>
        <translation>%1 (просрочено: %2)</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Следующий шаг</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Следующая встреча</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>Открытые задачи</translation>
    </message>
    <message>
        <source>Capex</source>
        <translation>Инвестиции</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Рабочие места</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>Дней на стадии</translation>
    </message>
    <message>
        <source>Expected decision</source>
        <translation>Ожидаемое решение</translation>
    </message>
    <message>
        <source>project</source>
        <translation>проект</translation>
    </message>
    <message>
        <source>Start (venue time)</source>
        <translation>Начало (местное время)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>встреча</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>Города</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>trip</source>
        <translation>поездка</translation>
    </message>
    <message>
        <source>English</source>
        <translation>По-английски</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Муниципалитет</translation>
    </message>
    <message>
        <source>Available area</source>
        <translation>Свободная площадь</translation>
    </message>
    <message>
        <source>site</source>
        <translation>площадка</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Кто предоставляет</translation>
    </message>
    <message>
        <source>support measure</source>
        <translation>мера поддержки</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>Латиницей</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <source>team member</source>
        <translation>сотрудник</translation>
    </message>
</context>
<context>
    <name>navigation</name>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>Today / Trip</source>
        <translation>Сегодня / Поездка</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Аналитика</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Встречи</translation>
    </message>
    <message>
        <source>Trips</source>
        <translation>Поездки</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Sites and support measures</source>
        <translation>Площадки и меры поддержки</translation>
    </message>
    <message>
        <source>Our team</source>
        <translation>Наша команда</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n конфликт ждёт решения</numerusform>
            <numerusform>%n конфликта ждут решения</numerusform>
            <numerusform>%n конфликтов ждут решения</numerusform>
        </translation>
    </message>
</context>
</TS>
