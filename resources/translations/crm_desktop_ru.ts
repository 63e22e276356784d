<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/about_dialog.py" line="14"/>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Version %2&lt;/p&gt;&lt;p&gt;Application id: %3&lt;/p&gt;&lt;p&gt;An offline desktop CRM for negotiations with foreign investors: companies, contacts, projects through the pipeline, meetings and their minutes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Версия %2&lt;/p&gt;&lt;p&gt;Идентификатор приложения: %3&lt;/p&gt;&lt;p&gt;Автономная CRM для переговоров с иностранными инвесторами: компании, контакты, проекты по стадиям, встречи и их протоколы.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/about_dialog.py" line="22"/>
        <source>About %1</source>
        <translation>О программе %1</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../crm_desktop/ui/attachments_panel.py" line="44"/>
        <location filename="../../crm_desktop/ui/attachments_panel.py" line="141"/>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/attachments_panel.py" line="49"/>
        <source>Attach file…</source>
        <translation>Прикрепить файл…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/attachments_panel.py" line="50"/>
        <source>Save a copy…</source>
        <translation>Сохранить копию…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/attachments_panel.py" line="51"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/attachments_panel.py" line="97"/>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/attachments_panel.py" line="103"/>
        <source>Cannot read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/attachments_panel.py" line="116"/>
        <source>Save a copy</source>
        <translation>Сохранить копию</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/attachments_panel.py" line="127"/>
        <source>Cannot write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../../crm_desktop/ui/widgets_display.py" line="96"/>
        <source>%1 bn %2</source>
        <comment>billions of a currency</comment>
        <translation>%1 млрд %2</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_display.py" line="100"/>
        <source>%1 M %2</source>
        <comment>millions of a currency</comment>
        <translation>%1 млн %2</translation>
    </message>
</context>
<context>
    <name>EntityListView</name>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="132"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="138"/>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="139"/>
        <source>Create a record (Ctrl+N)</source>
        <translation>Создать запись (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="143"/>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="147"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="148"/>
        <source>Move to the Trash (Del)</source>
        <translation>Переместить в корзину (Del)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="299"/>
        <source>Create %1</source>
        <translation>Создание: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="336"/>
        <source>Edit %1</source>
        <translation>Изменение: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="353"/>
        <source>Delete %1</source>
        <translation>Удаление: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="361"/>
        <source>Moved to the Trash. Undo with Ctrl+Z.</source>
        <translation>Перемещено в корзину. Отменить — Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>ExchangeJob</name>
    <message>
        <location filename="../../crm_desktop/ui/exchange_worker.py" line="70"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_worker.py" line="94"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_worker.py" line="103"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 из %3</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_worker.py" line="110"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ExchangeMenu</name>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="428"/>
        <source>&amp;Import contacts…</source>
        <translation>&amp;Импорт контактов…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="432"/>
        <source>&amp;Export contacts…</source>
        <translation>&amp;Экспорт контактов…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="436"/>
        <source>Export &amp;meetings to calendar…</source>
        <translation>Экспорт &amp;встреч в календарь…</translation>
    </message>
</context>
<context>
    <name>ExportContactsDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="109"/>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="171"/>
        <source>Export contacts</source>
        <translation>Экспорт контактов</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="118"/>
        <source>CSV (UTF-8, comma)</source>
        <translation>CSV (UTF-8, запятая)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="119"/>
        <source>CSV for Russian Excel (semicolon)</source>
        <translation>CSV для русского Excel (точка с запятой)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="120"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Книга Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="121"/>
        <source>vCard 3.0 (phones, Outlook, Google)</source>
        <translation>vCard 3.0 (телефоны, Outlook, Google)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="122"/>
        <source>vCard 4.0</source>
        <translation>vCard 4.0</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="123"/>
        <source>Printable contact sheet (PDF)</source>
        <translation>Список контактов для печати (PDF)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="129"/>
        <source>Contacts in the current list</source>
        <translation>Контакты текущего списка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="130"/>
        <source>Selected contacts</source>
        <translation>Выбранные контакты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="131"/>
        <source>All contacts</source>
        <translation>Все контакты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="132"/>
        <source>Contacts of:</source>
        <translation>Контакты по условию:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="158"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="159"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="160"/>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="161"/>
        <source>Trip (met during)</source>
        <translation>Поездка (встречались в ней)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="162"/>
        <source>Project stage</source>
        <translation>Стадия проекта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="171"/>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="172"/>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="176"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="180"/>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="181"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="199"/>
        <source>(any)</source>
        <translation>(любая)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="207"/>
        <source>contacts</source>
        <translation>контакты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="233"/>
        <source>Contacts to export: %1</source>
        <translation>Будет экспортировано контактов: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="255"/>
        <source>Exporting contacts</source>
        <translation>Экспорт контактов</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="261"/>
        <source>Exported %1 contacts to %2</source>
        <translation>Экспортировано контактов: %1, файл %2</translation>
    </message>
</context>
<context>
    <name>ExportMeetingsDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="276"/>
        <source>Export meetings to calendar</source>
        <translation>Экспорт встреч в календарь</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="281"/>
        <source>(any trip)</source>
        <translation>(любая поездка)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="287"/>
        <source>Only between</source>
        <translation>Только между</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="296"/>
        <source>and</source>
        <translation>и</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="298"/>
        <source>Export meetings</source>
        <translation>Экспорт встреч</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="298"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="299"/>
        <source>meetings</source>
        <translation>встречи</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="302"/>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="305"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="308"/>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="309"/>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="310"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="316"/>
        <source>Times are written in each venue&apos;s time zone; calendars show them at the right hour.</source>
        <translation>Время записывается в часовом поясе места встречи; календари покажут его правильно.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="338"/>
        <source>The end date is before the start date.</source>
        <translation>Дата окончания раньше даты начала.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="351"/>
        <source>Exporting meetings</source>
        <translation>Экспорт встреч</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="357"/>
        <source>Exported %1 meetings to %2</source>
        <translation>Экспортировано встреч: %1, файл %2</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../crm_desktop/ui/filter_bar.py" line="76"/>
        <source>Filter (Ctrl+F)</source>
        <translation>Фильтр (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/filter_bar.py" line="89"/>
        <location filename="../../crm_desktop/ui/filter_bar.py" line="121"/>
        <source>all</source>
        <translation>все</translation>
    </message>
</context>
<context>
    <name>FindAnythingDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/find_dialog.py" line="104"/>
        <source>Find anything</source>
        <translation>Найти всё</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/find_dialog.py" line="108"/>
        <source>Company, person, project, meeting… (汉字, pinyin or Russian)</source>
        <translation>Компания, человек, проект, встреча… (汉字, пиньинь или по-русски)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/find_dialog.py" line="128"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/find_dialog.py" line="129"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/find_dialog.py" line="130"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/find_dialog.py" line="131"/>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/find_dialog.py" line="132"/>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/find_dialog.py" line="133"/>
        <source>Site</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/find_dialog.py" line="134"/>
        <source>Our team</source>
        <translation>Наша команда</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/find_dialog.py" line="147"/>
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/first_start.py" line="20"/>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/first_start.py" line="22"/>
        <source>&lt;h3&gt;The database is empty&lt;/h3&gt;&lt;p&gt;How would you like to begin?&lt;/p&gt;</source>
        <translation>&lt;h3&gt;База данных пуста&lt;/h3&gt;&lt;p&gt;С чего начать?&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/first_start.py" line="29"/>
        <source>Open the demo data</source>
        <translation>Открыть демонстрационные данные</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/first_start.py" line="31"/>
        <source>A delegation trip to China with companies, people, projects and meetings, kept in a separate demo database.</source>
        <translation>Поездка делегации в Китай с компаниями, людьми, проектами и встречами — в отдельной демонстрационной базе.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/first_start.py" line="37"/>
        <source>Start empty</source>
        <translation>Начать с пустой базы</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/first_start.py" line="38"/>
        <source>Begin with your own companies and contacts.</source>
        <translation>Вносить свои компании и контакты с нуля.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/first_start.py" line="45"/>
        <source>Import contacts…</source>
        <translation>Импортировать контакты…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/first_start.py" line="47"/>
        <source>From vCard, CSV or Excel files exported by a phone, Outlook or Google.</source>
        <translation>Из файлов vCard, CSV или Excel, выгруженных из телефона, Outlook или Google.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="56"/>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="199"/>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="375"/>
        <source>Import contacts</source>
        <translation>Импорт контактов</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="68"/>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="83"/>
        <source>Import the valid rows even if some rows are rejected</source>
        <translation>Импортировать корректные строки, даже если часть строк отклонена</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="85"/>
        <source>If the contact already exists:</source>
        <translation>Если контакт уже есть:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="92"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="93"/>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="282"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="94"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="95"/>
        <source>Already have</source>
        <translation>Уже есть</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="96"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="105"/>
        <source>Check (dry run)</source>
        <translation>Проверить (без записи)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="108"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="111"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="122"/>
        <source>Preview (choose what each column holds):</source>
        <translation>Просмотр (укажите, что содержит каждый столбец):</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="137"/>
        <source>Skip it</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="138"/>
        <source>Merge (fill empty fields, keep both values)</source>
        <translation>Объединить (заполнить пустые поля, сохранить оба значения)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="139"/>
        <source>Create a new contact anyway</source>
        <translation>Всё равно создать новый контакт</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="144"/>
        <source>(do not import)</source>
        <translation>(не импортировать)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="145"/>
        <source>Full name</source>
        <translation>Полное имя</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="146"/>
        <source>Family name (any script)</source>
        <translation>Фамилия (любое письмо)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="147"/>
        <source>Given name (any script)</source>
        <translation>Имя (любое письмо)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="148"/>
        <source>Middle name / patronymic</source>
        <translation>Второе имя / отчество</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="149"/>
        <source>Family name (native script)</source>
        <translation>Фамилия (родной язык)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="150"/>
        <source>Given name (native script)</source>
        <translation>Имя (родной язык)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="151"/>
        <source>Family name (Latin / pinyin)</source>
        <translation>Фамилия (латиница / пиньинь)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="152"/>
        <source>Given name (Latin / pinyin)</source>
        <translation>Имя (латиница / пиньинь)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="153"/>
        <source>Family name (Russian)</source>
        <translation>Фамилия (по-русски)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="154"/>
        <source>Given name (Russian)</source>
        <translation>Имя (по-русски)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="155"/>
        <source>Patronymic (Russian)</source>
        <translation>Отчество (по-русски)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="156"/>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="282"/>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="157"/>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="158"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="159"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="160"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="161"/>
        <source>Mobile phone</source>
        <translation>Мобильный телефон</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="162"/>
        <source>Work phone</source>
        <translation>Рабочий телефон</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="163"/>
        <source>Home phone</source>
        <translation>Домашний телефон</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="164"/>
        <source>Fax</source>
        <translation>Факс</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="165"/>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="282"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="166"/>
        <source>Work email</source>
        <translation>Рабочая эл. почта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="167"/>
        <source>Personal email</source>
        <translation>Личная эл. почта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="168"/>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="169"/>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="170"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="171"/>
        <source>Other messenger</source>
        <translation>Другой мессенджер</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="172"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="173"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="174"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="175"/>
        <source>Decision maker</source>
        <translation>Принимает решения</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="176"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="181"/>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="182"/>
        <source>merged</source>
        <translation>объединён</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="183"/>
        <source>skipped</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="184"/>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="189"/>
        <source>same record</source>
        <translation>та же запись</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="190"/>
        <source>same email</source>
        <translation>та же эл. почта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="191"/>
        <source>same phone</source>
        <translation>тот же телефон</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="192"/>
        <source>same name at the same company</source>
        <translation>то же имя в той же компании</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="201"/>
        <source>Contacts (*.csv *.xlsx *.vcf *.vcard);;All files (*)</source>
        <translation>Контакты (*.csv *.xlsx *.vcf *.vcard);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="240"/>
        <source>CRM export</source>
        <translation>экспорт CRM</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="241"/>
        <source>a spreadsheet</source>
        <translation>таблица</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="245"/>
        <source>Excel workbook, %1 rows, columns recognised as %2.</source>
        <translation>Книга Excel, строк: %1, столбцы распознаны как %2.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="250"/>
        <source>tab</source>
        <translation>табуляция</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="252"/>
        <source>CSV file, %1 rows, encoding %2, delimiter “%3”, columns recognised as %4.</source>
        <translation>Файл CSV, строк: %1, кодировка %2, разделитель «%3», столбцы распознаны как %4.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="264"/>
        <source>Import as</source>
        <translation>Импортировать как</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="281"/>
        <source>vCard file, %1 contacts.</source>
        <translation>Файл vCard, контактов: %1.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="282"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="342"/>
        <source>Checking contacts</source>
        <translation>Проверка контактов</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="342"/>
        <source>Importing contacts</source>
        <translation>Импорт контактов</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="358"/>
        <source>new: %1, merged: %2, skipped: %3, rejected: %4</source>
        <translation>новых: %1, объединено: %2, пропущено: %3, отклонено: %4</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="365"/>
        <source>Imported. %1</source>
        <translation>Импорт выполнен. %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="368"/>
        <source>Dry run, nothing written yet. %1</source>
        <translation>Проверка, ничего не записано. %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="371"/>
        <source>Nothing was imported: some rows are rejected (see the list). %1</source>
        <translation>Ничего не импортировано: часть строк отклонена (см. список). %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/exchange_import.py" line="396"/>
        <source>as chosen for all</source>
        <translation>как выбрано для всех</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="94"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="97"/>
        <source>&amp;New record</source>
        <translation>&amp;Новая запись</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="104"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="106"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="108"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="109"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="112"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="119"/>
        <source>&amp;Delete (move to the Trash)</source>
        <translation>&amp;Удалить (в корзину)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="127"/>
        <source>&amp;Filter this list</source>
        <translation>&amp;Фильтр списка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="132"/>
        <source>Find &amp;anything…</source>
        <translation>Найти &amp;всё…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="134"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="137"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="147"/>
        <source>&amp;Documents</source>
        <translation>&amp;Документы</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="150"/>
        <source>&amp;Print memo of the meeting…</source>
        <translation>&amp;Печать протокола встречи…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="155"/>
        <source>&amp;Trip report…</source>
        <translation>&amp;Отчёт о поездке…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="157"/>
        <source>&amp;Company dossier…</source>
        <translation>&amp;Досье компании…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="160"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="161"/>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="193"/>
        <source>Nothing to create here.</source>
        <translation>Здесь нечего создавать.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="198"/>
        <source>Select a record to delete.</source>
        <translation>Выберите запись для удаления.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="239"/>
        <source>Cannot make the document</source>
        <translation>Не удалось подготовить документ</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="247"/>
        <source>Select a meeting in the Meetings list first.</source>
        <translation>Сначала выберите встречу в списке «Встречи».</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="254"/>
        <source>Select a trip in the Trips list first.</source>
        <translation>Сначала выберите поездку в списке «Поездки».</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="261"/>
        <source>Select a company in the Companies list first.</source>
        <translation>Сначала выберите компанию в списке «Компании».</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/main_window.py" line="290"/>
        <source>Settings could not be saved: %1</source>
        <translation>Не удалось сохранить настройки: %1</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/meeting_dialog.py" line="23"/>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_dialog.py" line="25"/>
        <source>Meeting — saved</source>
        <translation>Встреча — сохранено</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="275"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="276"/>
        <source>Save the meeting (%1)</source>
        <translation>Сохранить встречу (%1)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="311"/>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="314"/>
        <source>e.g. Negotiations on localising production</source>
        <translation>например, Переговоры о локализации производства</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="315"/>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="317"/>
        <source>T&amp;rip:</source>
        <translation>По&amp;ездка:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="325"/>
        <source>Type to search companies</source>
        <translation>Начните вводить название компании</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="326"/>
        <source>&amp;Company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="329"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="330"/>
        <source>Open the project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="333"/>
        <source>&amp;Project:</source>
        <translation>&amp;Проект:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="345"/>
        <source>&amp;Start (venue time):</source>
        <translation>&amp;Начало (местное время):</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="348"/>
        <source>Moscow time:</source>
        <translation>Московское время:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="352"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="353"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Длительность:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="355"/>
        <source>In person</source>
        <translation>Очно</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="356"/>
        <source>Video call</source>
        <translation>Видеосвязь</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="357"/>
        <source>Phone call</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="358"/>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="360"/>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="362"/>
        <source>e.g. company headquarters, Shenzhen</source>
        <translation>например, штаб-квартира компании, Шэньчжэнь</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="363"/>
        <source>P&amp;lace:</source>
        <translation>&amp;Место:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="366"/>
        <source>Chinese, Russian</source>
        <translation>китайский, русский</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="366"/>
        <source>Chinese, English</source>
        <translation>китайский, английский</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="367"/>
        <source>English, Russian</source>
        <translation>английский, русский</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="367"/>
        <source>Chinese</source>
        <translation>китайский</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="368"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="368"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="369"/>
        <source>L&amp;anguage:</source>
        <translation>Я&amp;зык:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="371"/>
        <source>Name of the interpreter, if any</source>
        <translation>Имя переводчика, если был</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="372"/>
        <source>&amp;Interpreter:</source>
        <translation>П&amp;ереводчик:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="374"/>
        <source>Public</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="375"/>
        <source>Internal</source>
        <translation>Для служебного пользования</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="376"/>
        <source>Confidential</source>
        <translation>Конфиденциально</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="378"/>
        <source>Confidentiality:</source>
        <translation>Конфиденциальность:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="381"/>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="383"/>
        <source>Our side:</source>
        <translation>Наша сторона:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="385"/>
        <source>Their side:</source>
        <translation>Их сторона:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="386"/>
        <source>Add contact…</source>
        <translation>Добавить контакт…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="387"/>
        <source>Create a new contact at this company</source>
        <translation>Создать новый контакт в этой компании</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="411"/>
        <source>A&amp;genda</source>
        <translation>Пов&amp;естка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="412"/>
        <source>D&amp;iscussion</source>
        <translation>О&amp;бсуждение</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="413"/>
        <source>Agreements &amp;reached</source>
        <translation>Достигнутые &amp;договорённости</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="422"/>
        <source>Next steps (become tasks)</source>
        <translation>Дальнейшие шаги (станут задачами)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="429"/>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="857"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="429"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="430"/>
        <source>Due date</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="442"/>
        <source>Add step</source>
        <translation>Добавить шаг</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="443"/>
        <source>Remove step</source>
        <translation>Удалить шаг</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="450"/>
        <source>Move the project to another stage</source>
        <translation>Перевести проект на другую стадию</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="456"/>
        <source>Now:</source>
        <translation>Сейчас:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="458"/>
        <source>New stage:</source>
        <translation>Новая стадия:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="460"/>
        <source>Why it moves (optional)</source>
        <translation>Почему переходит (необязательно)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="461"/>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="501"/>
        <source>No trip</source>
        <translation>Без поездки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="563"/>
        <source>No project</source>
        <translation>Без проекта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="593"/>
        <source>Decision maker</source>
        <translation>Принимает решения</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="635"/>
        <source>%1 at %2</source>
        <translation>%1 в %2</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="640"/>
        <source>(venue is %1 h ahead)</source>
        <translation>(на месте на %1 ч больше)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="641"/>
        <source>(venue is %1 h behind)</source>
        <translation>(на месте на %1 ч меньше)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="660"/>
        <source>No owner</source>
        <translation>Без ответственного</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="700"/>
        <source>New meeting</source>
        <translation>Новая встреча</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="735"/>
        <source>Meeting: %1</source>
        <translation>Встреча: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="774"/>
        <source>Stage moved with this meeting: %1 → %2</source>
        <translation>Стадия изменена этой встречей: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="778"/>
        <source>Already recorded:</source>
        <translation>Уже записано:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="827"/>
        <source>Record meeting “%1”</source>
        <translation>Запись встречи «%1»</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="828"/>
        <source>Edit meeting “%1”</source>
        <translation>Изменение встречи «%1»</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="840"/>
        <source>Saved at %1</source>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="847"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="847"/>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="848"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="848"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="849"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="849"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="850"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="856"/>
        <source>Next step %1: %2</source>
        <translation>Шаг %1: %2</translation>
    </message>
</context>
<context>
    <name>NewContactBox</name>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="140"/>
        <source>New contact</source>
        <translation>Новый контакт</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="151"/>
        <source>Family name, e.g. 王</source>
        <translation>Фамилия, например 王</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="152"/>
        <source>Given name, e.g. 建国</source>
        <translation>Имя, например 建国</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="153"/>
        <source>Family name, e.g. Wang</source>
        <translation>Фамилия, например Wang</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="154"/>
        <source>Given name, e.g. Jianguo</source>
        <translation>Имя, например Jianguo</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="155"/>
        <source>Family name, e.g. Ван</source>
        <translation>Фамилия, например Ван</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="156"/>
        <source>Given name, e.g. Цзяньго</source>
        <translation>Имя, например Цзяньго</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="157"/>
        <source>e.g. General manager</source>
        <translation>например, генеральный директор</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="158"/>
        <source>Native script:</source>
        <translation>Иероглифы:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="159"/>
        <source>Pinyin / Latin:</source>
        <translation>Пиньинь / латиница:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="160"/>
        <source>Russian:</source>
        <translation>По-русски:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="165"/>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="173"/>
        <source>Create contact</source>
        <translation>Создать контакт</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="174"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="206"/>
        <source>Add contact “%1”</source>
        <translation>Добавление контакта «%1»</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/meeting_editor.py" line="210"/>
        <source>A name in at least one script</source>
        <translation>Имя хотя бы в одной записи</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="294"/>
        <source>Move project</source>
        <translation>Перевод проекта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="296"/>
        <source>Move “%1” from “%2” to “%3”.</source>
        <translation>Перевести «%1» со стадии «%2» на «%3».</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="301"/>
        <source>Note (optional):</source>
        <translation>Примечание (необязательно):</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="303"/>
        <source>Why the project moves, what was decided</source>
        <translation>Почему проект переходит, что решили</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="308"/>
        <source>Move</source>
        <translation>Перевести</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="79"/>
        <source>Preview — %1</source>
        <translation>Просмотр — %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="97"/>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="98"/>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="99"/>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="99"/>
        <source>Fit the page width</source>
        <translation>Подогнать по ширине страницы</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="102"/>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="105"/>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="107"/>
        <source>Page setup…</source>
        <translation>Параметры страницы…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="110"/>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="113"/>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="116"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="130"/>
        <source>The preview needs the Qt PDF module (PySide6-Pdf). The document can still be saved as PDF.</source>
        <translation>Для просмотра нужен модуль Qt PDF (PySide6-Pdf). Документ всё равно можно сохранить в PDF.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="169"/>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="213"/>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="241"/>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="242"/>
        <source>The printer could not be started.</source>
        <translation>Не удалось запустить печать.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="271"/>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="280"/>
        <source>Save as PDF</source>
        <translation>Сохранить в PDF</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="272"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pdf_preview.py" line="281"/>
        <source>Cannot write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="392"/>
        <source>Filter projects…</source>
        <translation>Фильтр проектов…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="401"/>
        <source>All but lost</source>
        <translation>Все, кроме проигранных</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="402"/>
        <source>Active</source>
        <comment>status filter</comment>
        <translation>Активный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="403"/>
        <source>On hold</source>
        <comment>status filter</comment>
        <translation>Приостановлен</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="404"/>
        <source>Won</source>
        <comment>status filter</comment>
        <translation>Выигран</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="405"/>
        <source>Lost</source>
        <comment>status filter</comment>
        <translation>Проигран</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="406"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="408"/>
        <source>Owner:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="409"/>
        <source>Country:</source>
        <translation>Страна:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="410"/>
        <source>Trip:</source>
        <translation>Поездка:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="411"/>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="461"/>
        <source>All owners</source>
        <translation>Все ответственные</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="468"/>
        <source>All countries</source>
        <translation>Все страны</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="475"/>
        <source>All trips</source>
        <translation>Все поездки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="550"/>
        <source>Projects: %1</source>
        <translation>Проектов: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="552"/>
        <source>Projects on the board: %1</source>
        <translation>Проектов на доске: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="554"/>
        <source>capex: %1</source>
        <translation>инвестиции: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="570"/>
        <source>jobs: %1</source>
        <translation>рабочих мест: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="572"/>
        <source>%1 d in stage</source>
        <translation>%1 дн. на стадии</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="578"/>
        <source>Won</source>
        <comment>card status</comment>
        <translation>Выигран</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="580"/>
        <source>Lost: %1</source>
        <translation>Проигран: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="582"/>
        <source>On hold: %1</source>
        <translation>Приостановлен: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="585"/>
        <source>Code name: %1</source>
        <translation>Кодовое название: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="590"/>
        <source>Product: %1</source>
        <translation>Продукция: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="594"/>
        <source>Probability: %1%</source>
        <translation>Вероятность: %1%</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="595"/>
        <source>In this stage since %1 (%2 days)</source>
        <translation>На этой стадии с %1 (дней: %2)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="598"/>
        <source>Owner: %1</source>
        <translation>Ответственный: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="676"/>
        <source>Mark as lost</source>
        <translation>Отметить как проигранный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="677"/>
        <source>Why was “%1” lost?</source>
        <translation>Почему «%1» проигран?</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="679"/>
        <source>Put on hold</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="680"/>
        <source>Why is “%1” on hold?</source>
        <translation>Почему «%1» приостановлен?</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="701"/>
        <source>Move “%1” to “%2”</source>
        <translation>Перевод «%1» на «%2»</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="716"/>
        <source>Mark “%1” as active</source>
        <translation>«%1» снова активен</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="717"/>
        <source>Mark “%1” as won</source>
        <translation>«%1» выигран</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="718"/>
        <source>Mark “%1” as lost</source>
        <translation>«%1» проигран</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="719"/>
        <source>Put “%1” on hold</source>
        <translation>«%1» приостановлен</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="755"/>
        <source>Open project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="757"/>
        <source>Move to stage</source>
        <translation>Перевести на стадию</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="763"/>
        <source>Mark as won</source>
        <translation>Отметить как выигранный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="764"/>
        <source>Mark as lost…</source>
        <translation>Отметить как проигранный…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="765"/>
        <source>Put on hold…</source>
        <translation>Приостановить…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="766"/>
        <source>Mark as active</source>
        <translation>Снова сделать активным</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="783"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="783"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="788"/>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/pipeline_board.py" line="332"/>
        <source>A reason is required.</source>
        <translation>Нужно указать причину.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../crm_desktop/ui/record_form.py" line="359"/>
        <source>Save (%1)</source>
        <translation>Сохранить (%1)</translation>
    </message>
</context>
<context>
    <name>ReferenceView</name>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="487"/>
        <source>Sites</source>
        <translation>Площадки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="488"/>
        <source>Support measures</source>
        <translation>Меры поддержки</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../crm_desktop/ui/settings_dialog.py" line="39"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/settings_dialog.py" line="42"/>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/settings_dialog.py" line="55"/>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/settings_dialog.py" line="56"/>
        <source>Who am I</source>
        <translation>Кто я</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/settings_dialog.py" line="57"/>
        <source>Organisation (printed on documents)</source>
        <translation>Организация (печатается в документах)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/settings_dialog.py" line="60"/>
        <source>The language and who you are are kept on this computer; the organisation name is shared by everyone using this database.</source>
        <translation>Язык и выбор «кто я» хранятся на этом компьютере; название организации общее для всех, кто работает с этой базой.</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="153"/>
        <source>Open tasks</source>
        <translation>Открытые задачи</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="154"/>
        <source>All tasks</source>
        <translation>Все задачи</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="156"/>
        <source>Filter tasks…</source>
        <translation>Фильтр задач…</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="158"/>
        <source>Owner:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="159"/>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="171"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="172"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="173"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="175"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="177"/>
        <source>Project / company</source>
        <translation>Проект / компания</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="216"/>
        <source>All owners</source>
        <translation>Все ответственные</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="222"/>
        <source>%1 (me)</source>
        <translation>%1 (я)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="242"/>
        <source>Open: %1</source>
        <translation>Открытых: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="244"/>
        <source>overdue: %1</source>
        <translation>просрочено: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="270"/>
        <source>Mark “%1” as done</source>
        <translation>Выполнение «%1»</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="270"/>
        <source>Reopen “%1”</source>
        <translation>Повторное открытие «%1»</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="301"/>
        <source>Reopen</source>
        <translation>Открыть снова</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="301"/>
        <source>Mark as done</source>
        <translation>Отметить как выполненную</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="303"/>
        <source>Open task</source>
        <translation>Открыть задачу</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="305"/>
        <source>Open project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/tasks_view.py" line="310"/>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="60"/>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="60"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="60"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="69"/>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="74"/>
        <source>Deleted records stay here until they are restored. Restoring a company also brings back the contacts, projects, meetings and tasks deleted with it.</source>
        <translation>Удалённые записи хранятся здесь, пока их не восстановят. Вместе с компанией восстанавливаются удалённые с ней контакты, проекты, встречи и задачи.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="91"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="92"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="93"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="94"/>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="95"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="96"/>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="97"/>
        <source>Site</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="98"/>
        <source>Support measure</source>
        <translation>Мера поддержки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="99"/>
        <source>Team member</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="128"/>
        <source>Restore %1</source>
        <translation>Восстановление: %1</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/trash_view.py" line="140"/>
        <source>Cannot restore</source>
        <translation>Не удалось восстановить</translation>
    </message>
</context>
<context>
    <name>_PathRow</name>
    <message>
        <location filename="../../crm_desktop/ui/exchange_dialogs.py" line="77"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
</context>
<context>
    <name>details</name>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="138"/>
        <location filename="../../crm_desktop/ui/details.py" line="364"/>
        <location filename="../../crm_desktop/ui/details.py" line="378"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="139"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="140"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="141"/>
        <location filename="../../crm_desktop/ui/details.py" line="366"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="142"/>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="143"/>
        <location filename="../../crm_desktop/ui/details.py" line="369"/>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="144"/>
        <source>Registration code</source>
        <translation>Регистрационный код</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="145"/>
        <source>Employees</source>
        <translation>Сотрудников</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="146"/>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="147"/>
        <location filename="../../crm_desktop/ui/details.py" line="191"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="148"/>
        <location filename="../../crm_desktop/ui/details.py" line="234"/>
        <location filename="../../crm_desktop/ui/details.py" line="357"/>
        <location filename="../../crm_desktop/ui/details.py" line="371"/>
        <location filename="../../crm_desktop/ui/details.py" line="381"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="151"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="159"/>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="163"/>
        <location filename="../../crm_desktop/ui/details.py" line="254"/>
        <location filename="../../crm_desktop/ui/details.py" line="336"/>
        <location filename="../../crm_desktop/ui/details.py" line="395"/>
        <source>Meetings</source>
        <translation>Встречи</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="165"/>
        <location filename="../../crm_desktop/ui/details.py" line="256"/>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="174"/>
        <location filename="../../crm_desktop/ui/details.py" line="204"/>
        <location filename="../../crm_desktop/ui/details.py" line="280"/>
        <location filename="../../crm_desktop/ui/details.py" line="352"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="182"/>
        <location filename="../../crm_desktop/ui/details.py" line="388"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="183"/>
        <location filename="../../crm_desktop/ui/details.py" line="389"/>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="184"/>
        <source>Emails</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="185"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="186"/>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="187"/>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="188"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="190"/>
        <source>Decision maker</source>
        <translation>Принимает решения</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="190"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="192"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="194"/>
        <source>Meetings attended</source>
        <translation>Участвовал во встречах</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="210"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="211"/>
        <source>Days in stage</source>
        <translation>Дней на стадии</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="212"/>
        <location filename="../../crm_desktop/ui/details.py" line="343"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="213"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="216"/>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="220"/>
        <source>Product</source>
        <translation>Продукция</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="221"/>
        <source>Planned output</source>
        <translation>Плановый выпуск</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="222"/>
        <source>Capital expenditure</source>
        <translation>Капитальные вложения</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="223"/>
        <source>Jobs</source>
        <translation>Рабочие места</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="224"/>
        <location filename="../../crm_desktop/ui/details.py" line="368"/>
        <source>Land area, ha</source>
        <translation>Площадь земли, га</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="225"/>
        <source>Floor area, m²</source>
        <translation>Площадь помещений, м²</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="226"/>
        <source>Probability, %</source>
        <translation>Вероятность, %</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="227"/>
        <source>Expected decision</source>
        <translation>Ожидаемое решение</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="229"/>
        <source>Candidate sites</source>
        <translation>Площадки-кандидаты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="233"/>
        <source>Support measures</source>
        <translation>Меры поддержки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="237"/>
        <source>Stage history</source>
        <translation>История стадий</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="240"/>
        <source>%1 day(s)</source>
        <translation>%1 дн.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="268"/>
        <source>Start (venue time)</source>
        <translation>Начало (местное время)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="269"/>
        <source>Moscow time</source>
        <translation>Московское время</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="270"/>
        <source>Duration, min</source>
        <translation>Длительность, мин</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="271"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="272"/>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="273"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="274"/>
        <source>Interpreter</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="275"/>
        <source>Confidentiality</source>
        <translation>Конфиденциальность</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="277"/>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="290"/>
        <location filename="../../crm_desktop/ui/details.py" line="351"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="295"/>
        <source>Our participants</source>
        <translation>Наши участники</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="302"/>
        <source>Their participants</source>
        <translation>Участники с их стороны</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="309"/>
        <source>Agenda</source>
        <translation>Повестка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="310"/>
        <source>Discussion</source>
        <translation>Обсуждение</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="311"/>
        <source>Agreements</source>
        <translation>Договорённости</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="315"/>
        <source>Stage move</source>
        <translation>Смена стадии</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="319"/>
        <source>Next steps</source>
        <translation>Дальнейшие шаги</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="328"/>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="329"/>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="330"/>
        <source>Cities</source>
        <translation>Города</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="331"/>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="333"/>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="344"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="347"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="350"/>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="365"/>
        <source>Municipality</source>
        <translation>Муниципалитет</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="367"/>
        <source>Available area, m²</source>
        <translation>Свободная площадь, м²</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="370"/>
        <source>Utilities</source>
        <translation>Инженерная инфраструктура</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="379"/>
        <source>Provider</source>
        <translation>Кто предоставляет</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="380"/>
        <source>Terms</source>
        <translation>Условия</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="390"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="391"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="397"/>
        <source>Open tasks</source>
        <translation>Открытые задачи</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/details.py" line="421"/>
        <source>Select a record to see its details.</source>
        <translation>Выберите запись, чтобы увидеть подробности.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../crm_desktop/ui/list_view.py" line="284"/>
        <source>Cannot save</source>
        <translation>Не удалось сохранить</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="11"/>
        <source>{field} is required.</source>
        <translation>Поле «{field}» обязательно.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="12"/>
        <source>“{value}” is not a valid email address.</source>
        <translation>«{value}» — неверный адрес эл. почты.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="13"/>
        <source>“{value}” is not a valid phone number (use +country code, e.g. +86 10 1234 5678).</source>
        <translation>«{value}» — неверный номер телефона (укажите код страны, например +86 10 1234 5678).</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="15"/>
        <source>“{value}” is not an ISO 4217 currency code (e.g. RUB, CNY, USD).</source>
        <translation>«{value}» — не код валюты ISO 4217 (например, RUB, CNY, USD).</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="16"/>
        <source>“{value}” is not an ISO 3166 country code (e.g. CN, RU).</source>
        <translation>«{value}» — не код страны ISO 3166 (например, CN, RU).</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="17"/>
        <source>“{value}” is not a known time zone (e.g. Asia/Shanghai).</source>
        <translation>«{value}» — неизвестный часовой пояс (например, Asia/Shanghai).</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="18"/>
        <source>“{value}” is not a date (use YYYY-MM-DD).</source>
        <translation>«{value}» — не дата (формат ГГГГ-ММ-ДД).</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="19"/>
        <source>“{value}” is not a date and time (use YYYY-MM-DD HH:MM).</source>
        <translation>«{value}» — не дата и время (формат ГГГГ-ММ-ДД ЧЧ:ММ).</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="20"/>
        <source>The end date is before the start date.</source>
        <translation>Дата окончания раньше даты начала.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="21"/>
        <source>“{value}” is not a number.</source>
        <translation>«{value}» — не число.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="22"/>
        <source>{field} cannot be negative.</source>
        <translation>Поле «{field}» не может быть отрицательным.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="23"/>
        <source>{field} must be between {low} and {high}.</source>
        <translation>Поле «{field}» должно быть от {low} до {high}.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="24"/>
        <source>{field} is longer than {limit} characters.</source>
        <translation>Поле «{field}» длиннее {limit} символов.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="25"/>
        <source>No {entity} with id {id}.</source>
        <translation>Запись «{entity}» с id {id} не найдена.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="26"/>
        <source>The {entity} {id} is in the Trash.</source>
        <translation>Запись «{entity}» {id} в корзине.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="27"/>
        <source>A {entity} named “{value}” already exists.</source>
        <translation>Запись «{entity}» с названием «{value}» уже есть.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="28"/>
        <source>The project is already at this stage.</source>
        <translation>Проект уже на этой стадии.</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/widgets_errors.py" line="29"/>
        <source>The {entity} is still used by {count} records.</source>
        <translation>Запись «{entity}» используется в {count} записях.</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="72"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="142"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="175"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="254"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="78"/>
        <source>In Chinese characters (汉字)</source>
        <translation>Иероглифами (汉字)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="80"/>
        <source>Pinyin / English</source>
        <translation>Пиньинь / английский</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="81"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="268"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="300"/>
        <source>Russian</source>
        <translation>По-русски</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="83"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="272"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="304"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="87"/>
        <source>Display name</source>
        <translation>Отображаемое название</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="88"/>
        <source>Taken from the names above when empty</source>
        <translation>Если пусто — берётся из названий выше</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="92"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="276"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="308"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="100"/>
        <source>Country (ISO code)</source>
        <translation>Страна (код ISO)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="103"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="104"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="283"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="105"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="287"/>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="106"/>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="107"/>
        <source>Registration code</source>
        <translation>Регистрационный код</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="108"/>
        <source>Employees</source>
        <translation>Сотрудников</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="109"/>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="112"/>
        <source>Revenue currency</source>
        <translation>Валюта выручки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="115"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="165"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="211"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="116"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="212"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="256"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="288"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="316"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="123"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="128"/>
        <source>Family name (汉字)</source>
        <translation>Фамилия (汉字)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="129"/>
        <source>Family name (pinyin)</source>
        <translation>Фамилия (пиньинь)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="130"/>
        <source>Family name (Russian)</source>
        <translation>Фамилия (по-русски)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="132"/>
        <source>Family name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="136"/>
        <source>Given name (汉字)</source>
        <translation>Имя (汉字)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="137"/>
        <source>Given name (pinyin)</source>
        <translation>Имя (пиньинь)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="138"/>
        <source>Given name (Russian)</source>
        <translation>Имя (по-русски)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="140"/>
        <source>Given name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="143"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="328"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="144"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="329"/>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="147"/>
        <source>Emails</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="149"/>
        <source>one a line, e.g. work: li.wei@example.cn</source>
        <translation>по одному в строке, например work: li.wei@example.cn</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="153"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="155"/>
        <source>one a line, e.g. mobile: +86 139 1234 5678</source>
        <translation>по одному в строке, например mobile: +86 139 1234 5678</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="159"/>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="160"/>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="162"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="164"/>
        <source>Decision maker</source>
        <translation>Принимает решения</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="166"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="173"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="222"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="243"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="174"/>
        <source>Code name</source>
        <translation>Кодовое название</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="181"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="190"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="248"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="196"/>
        <source>Reason (lost / on hold)</source>
        <translation>Причина (проигран / приостановлен)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="197"/>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="198"/>
        <source>Product</source>
        <translation>Продукция</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="199"/>
        <source>Planned output</source>
        <translation>Плановый выпуск</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="200"/>
        <source>Capital expenditure</source>
        <translation>Капитальные вложения</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="201"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="202"/>
        <source>Jobs</source>
        <translation>Рабочие места</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="203"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="285"/>
        <source>Land area, ha</source>
        <translation>Площадь земли, га</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="204"/>
        <source>Floor area, m²</source>
        <translation>Площадь помещений, м²</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="205"/>
        <source>Probability, %</source>
        <translation>Вероятность, %</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="206"/>
        <source>Expected decision</source>
        <translation>Ожидаемое решение</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="207"/>
        <source>Candidate sites</source>
        <translation>Площадки-кандидаты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="209"/>
        <source>Support measures</source>
        <translation>Меры поддержки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="214"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="255"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="219"/>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="223"/>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="224"/>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="227"/>
        <source>Countries (ISO codes)</source>
        <translation>Страны (коды ISO)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="231"/>
        <source>Cities</source>
        <translation>Города</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="232"/>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="233"/>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="240"/>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="244"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="245"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="263"/>
        <source>Site</source>
        <translation>Площадка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="269"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="301"/>
        <source>English</source>
        <translation>По-английски</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="270"/>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="302"/>
        <source>Chinese (汉字)</source>
        <translation>По-китайски (汉字)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="282"/>
        <source>Municipality</source>
        <translation>Муниципалитет</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="284"/>
        <source>Available area, m²</source>
        <translation>Свободная площадь, м²</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="286"/>
        <source>Utilities</source>
        <translation>Инженерная инфраструктура</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="295"/>
        <source>Support measure</source>
        <translation>Мера поддержки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="314"/>
        <source>Provider</source>
        <translation>Кто предоставляет</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="315"/>
        <source>Terms</source>
        <translation>Условия</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="323"/>
        <source>Member of our team</source>
        <translation>Сотрудник нашей команды</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="326"/>
        <source>Name (Russian)</source>
        <translation>ФИО (по-русски)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="327"/>
        <source>Name (Latin)</source>
        <translation>Имя (латиницей)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="330"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="331"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_forms.py" line="332"/>
        <source>Active</source>
        <translation>Работает</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="27"/>
        <source>Investor</source>
        <translation>Инвестор</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="28"/>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="29"/>
        <source>Government body</source>
        <translation>Орган власти</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="30"/>
        <source>Association</source>
        <translation>Ассоциация</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="31"/>
        <location filename="../../crm_desktop/ui/labels.py" line="58"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="32"/>
        <source>Active</source>
        <translation>Активный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="33"/>
        <source>Won</source>
        <translation>Выигран</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="34"/>
        <source>Lost</source>
        <translation>Проигран</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="35"/>
        <source>On hold</source>
        <translation>Приостановлен</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="36"/>
        <source>In person</source>
        <translation>Очно</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="37"/>
        <source>Video call</source>
        <translation>Видеосвязь</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="38"/>
        <source>Phone call</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="39"/>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="40"/>
        <source>Public</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="41"/>
        <source>Internal</source>
        <translation>Для служебного пользования</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="42"/>
        <source>Confidential</source>
        <translation>Конфиденциально</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="43"/>
        <source>Open</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="44"/>
        <source>Done</source>
        <translation>Выполнена</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="45"/>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="46"/>
        <source>Industrial park</source>
        <translation>Индустриальный парк</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="47"/>
        <source>Special economic zone</source>
        <translation>Особая экономическая зона</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="48"/>
        <source>Technopark</source>
        <translation>Технопарк</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="49"/>
        <source>Industrial coworking</source>
        <translation>Промышленный коворкинг</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="50"/>
        <source>Land plot</source>
        <translation>Земельный участок</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="51"/>
        <source>Building</source>
        <translation>Здание</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="52"/>
        <source>Tax incentive</source>
        <translation>Налоговая льгота</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="53"/>
        <source>Subsidy</source>
        <translation>Субсидия</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="54"/>
        <source>Loan</source>
        <translation>Заём</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="55"/>
        <source>Land lease</source>
        <translation>Аренда земли</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="56"/>
        <source>Infrastructure</source>
        <translation>Инфраструктура</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/labels.py" line="57"/>
        <source>Consulting</source>
        <translation>Сопровождение</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="81"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="137"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="381"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="416"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="433"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="84"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="140"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="383"/>
        <source>汉字</source>
        <translation>汉字</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="91"/>
        <source>Russian name</source>
        <translation>Название по-русски</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="97"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="122"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="189"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="278"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="99"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="102"/>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="108"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="124"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="385"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="406"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="419"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="112"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="179"/>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="126"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="193"/>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="128"/>
        <source>company</source>
        <translation>компания</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="147"/>
        <source>Pinyin / English</source>
        <translation>Пиньинь / английский</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="154"/>
        <source>Russian</source>
        <translation>По-русски</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="161"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="190"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="207"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="296"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="332"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="170"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="437"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="175"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="449"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="176"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="450"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="191"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="214"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="270"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="192"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="279"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="321"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="331"/>
        <source>Trip</source>
        <translation>Поездка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="195"/>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="204"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="293"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="345"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="221"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="273"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="228"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="277"/>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="235"/>
        <source>Capex</source>
        <translation>Инвестиции</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="243"/>
        <source>Jobs</source>
        <translation>Рабочие места</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="251"/>
        <source>Days in stage</source>
        <translation>Дней на стадии</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="259"/>
        <source>Expected decision</source>
        <translation>Ожидаемое решение</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="281"/>
        <source>project</source>
        <translation>проект</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="291"/>
        <source>Start (venue time)</source>
        <translation>Начало (местное время)</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="305"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="310"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="313"/>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="333"/>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="334"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="370"/>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="336"/>
        <source>meeting</source>
        <translation>встреча</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="348"/>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="354"/>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="358"/>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="363"/>
        <source>Cities</source>
        <translation>Города</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="369"/>
        <source>Member</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="372"/>
        <source>trip</source>
        <translation>поездка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="382"/>
        <location filename="../../crm_desktop/ui/entity_views.py" line="417"/>
        <source>English</source>
        <translation>По-английски</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="389"/>
        <source>Municipality</source>
        <translation>Муниципалитет</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="396"/>
        <source>Available area, m²</source>
        <translation>Свободная площадь, м²</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="408"/>
        <source>site</source>
        <translation>площадка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="421"/>
        <source>Provider</source>
        <translation>Кто предоставляет</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="425"/>
        <source>support measure</source>
        <translation>мера поддержки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="434"/>
        <source>Latin</source>
        <translation>Латиницей</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="444"/>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/entity_views.py" line="455"/>
        <source>team member</source>
        <translation>сотрудник</translation>
    </message>
</context>
<context>
    <name>navigation</name>
    <message>
        <location filename="../../crm_desktop/ui/navigation.py" line="53"/>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/navigation.py" line="57"/>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/navigation.py" line="63"/>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/navigation.py" line="69"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/navigation.py" line="75"/>
        <source>Meetings</source>
        <translation>Встречи</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/navigation.py" line="81"/>
        <source>Trips</source>
        <translation>Поездки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/navigation.py" line="89"/>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/navigation.py" line="94"/>
        <source>Sites and support measures</source>
        <translation>Площадки и меры поддержки</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/navigation.py" line="100"/>
        <source>Our team</source>
        <translation>Наша команда</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/ui/navigation.py" line="104"/>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
</context>
</TS>
