<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ru">
<context>
    <name></name>
    <message>
        <source>неизвестно</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>меньше минуты</source>
        <translation>under a minute</translation>
    </message>
    <message>
        <source>≈ {m} мин</source>
        <translation>≈ {m} min</translation>
    </message>
    <message>
        <source>≈ {h} ч {m} мин</source>
        <translation>≈ {h} h {m} min</translation>
    </message>
    <message>
        <source>Очередь отправки</source>
        <translation>Send queue</translation>
    </message>
    <message>
        <source>Архивы, которые не удалось отправить сразу (например, не было связи). Отправленные архивы остаются на диске, пока вы их не удалите.</source>
        <translation>Archives that could not be sent straight away (for example, there was no connection). Sent archives stay on disk until you delete them.</translation>
    </message>
    <message>
        <source>Архивы в очереди</source>
        <translation>Archives in the queue</translation>
    </message>
    <message>
        <source>&amp;Отправить</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>&amp;Убрать из очереди</source>
        <translation>&amp;Remove from the queue</translation>
    </message>
    <message>
        <source>Отменить отправку</source>
        <translation>Cancel sending</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ждёт отправки</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>отправлен</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>не отправлен</source>
        <translation>not sent</translation>
    </message>
    <message>
        <source>код {code}</source>
        <translation>code {code}</translation>
    </message>
    <message>
        <source>Файла больше нет на диске.</source>
        <translation>The file is no longer on disk.</translation>
    </message>
    <message>
        <source>Очередь пуста.</source>
        <translation>The queue is empty.</translation>
    </message>
    <message>
        <source>Соединяюсь с сервером поддержки…</source>
        <translation>Connecting to the support server…</translation>
    </message>
    <message>
        <source>Отправлено. Номер обращения: {code} — сообщите его поддержке.</source>
        <translation>Sent. Request number: {code} — quote it to support.</translation>
    </message>
    <message>
        <source>Отправка прервана.</source>
        <translation>Sending interrupted.</translation>
    </message>
    <message>
        <source>Убрать из очереди</source>
        <translation>Remove from the queue</translation>
    </message>
    <message>
        <source>Убрать {name} из очереди?</source>
        <translation>Remove {name} from the queue?</translation>
    </message>
    <message>
        <source>Убрать, файл оставить</source>
        <translation>Remove, keep the file</translation>
    </message>
    <message>
        <source>Убрать и удалить файл</source>
        <translation>Remove and delete the file</translation>
    </message>
    <message>
        <source>Начало</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Вопросы</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Что приложить</source>
        <translation>What to include</translation>
    </message>
    <message>
        <source>Контакты</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Проверка</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Сбор</source>
        <translation>Collecting</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>&amp;Далее</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Ход шага: {step}</source>
        <translation>Progress of step: {step}</translation>
    </message>
    <message>
        <source>выполняется, {p}%</source>
        <translation>running, {p}%</translation>
    </message>
    <message>
        <source>Отменяется…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>отменяется</source>
        <translation>cancelling</translation>
    </message>
    <message>
        <source>{s} с</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>Собираю архив…</source>
        <translation>Collecting the archive…</translation>
    </message>
    <message>
        <source>Общий ход сбора</source>
        <translation>Overall progress</translation>
    </message>
    <message>
        <source>Шаги</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Сбор архива</source>
        <translation>Collecting the archive</translation>
    </message>
    <message>
        <source>Сначала самое важное — версия, GBS.ID, журналы; копия базы данных — в конце.</source>
        <translation>The most important first — version, GBS.ID, logs; the database copy comes last.</translation>
    </message>
    <message>
        <source>Шаги останавливаются, незаконченный архив удаляется.</source>
        <translation>The steps are stopping; the unfinished archive is being removed.</translation>
    </message>
    <message>
        <source>Собираю и отправляю архив…</source>
        <translation>Collecting and sending the archive…</translation>
    </message>
    <message>
        <source>Уже в поддержке: {size} — готовые части архива уходят, пока собирается остальное</source>
        <translation>Already at support: {size} — finished parts of the archive go while the rest is collected</translation>
    </message>
    <message>
        <source>Непредвиденная ошибка. Соберите архив ещё раз; если повторится, напишите в поддержку: подробности записаны в журнал сборщика.</source>
        <translation>An unexpected error. Collect the archive again; if it happens again, write to support: the details are in the collector&apos;s log.</translation>
    </message>
    <message>
        <source>&amp;Отменить</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Пока идёт сбор, можно работать в программе {product}: сборщик только читает её файлы и ничего в них не меняет.</source>
        <translation>You can keep working in {product} meanwhile: the collector only reads its files and changes nothing in them.</translation>
    </message>
    <message>
        <source>Отменить сбор?</source>
        <translation>Cancel collecting?</translation>
    </message>
    <message>
        <source>Остановить сбор? Незаконченный архив будет удалён; обращение останется в черновике, собрать можно будет снова.</source>
        <translation>Stop collecting? The unfinished archive will be deleted; your request stays as a draft and can be collected again.</translation>
    </message>
    <message>
        <source>Прошло {elapsed}</source>
        <translation>Elapsed {elapsed}</translation>
    </message>
    <message>
        <source>осталось примерно {left}</source>
        <translation>about {left} left</translation>
    </message>
    <message>
        <source>Сбор отменён, незаконченный архив удалён.</source>
        <translation>Collecting cancelled, the unfinished archive was deleted.</translation>
    </message>
    <message>
        <source>Архив не собран</source>
        <translation>The archive was not made</translation>
    </message>
    <message>
        <source>Ответ придёт туда, что вы укажете. Достаточно одного способа; поддержка не пишет в личные сообщения сотрудников и не принимает обращения оттуда.</source>
        <translation>The answer goes where you say. One way is enough; support does not use employees&apos; private messages and does not accept requests sent there.</translation>
    </message>
    <message>
        <source>Как с вами связаться</source>
        <translation>How to reach you</translation>
    </message>
    <message>
        <source>&amp;Имя</source>
        <translation>N&amp;ame</translation>
    </message>
    <message>
        <source>например, Анна, магазин «Ромашка»</source>
        <translation>e.g. Anna, &quot;Daisy&quot; shop</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>shop@mail.ru</source>
        <translation>shop@mail.ru</translation>
    </message>
    <message>
        <source>&amp;Телефон</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>+7 912 345-67-89</source>
        <translation>+7 912 345-67-89</translation>
    </message>
    <message>
        <source>Tele&amp;gram</source>
        <translation>Tele&amp;gram</translation>
    </message>
    <message>
        <source>@имя_пользователя или номер телефона</source>
        <translation>@username or phone number</translation>
    </message>
    <message>
        <source>&amp;Запомнить контакты на этом компьютере</source>
        <translation>&amp;Remember the contacts on this PC</translation>
    </message>
    <message>
        <source>Куда ответить</source>
        <translation>Where to answer</translation>
    </message>
    <message>
        <source>Укажите e-mail, телефон или Telegram.</source>
        <translation>Give an e-mail, a phone or Telegram.</translation>
    </message>
    <message>
        <source>Будет указано: {value}</source>
        <translation>Will be given as: {value}</translation>
    </message>
    <message>
        <source>С&amp;егодня</source>
        <translation>T&amp;oday</translation>
    </message>
    <message>
        <source>В&amp;чера</source>
        <translation>&amp;Yesterday</translation>
    </message>
    <message>
        <source>Красное число — сколько ошибок записано в журналах за день. Зелёная точка — журналы есть, ошибок нет. Бледные дни — журналов нет.</source>
        <translation>A red number is how many errors the logs hold for the day. A green dot: logs, no errors. Pale days: no logs.</translation>
    </message>
    <message>
        <source>Выберите день</source>
        <translation>Choose a day</translation>
    </message>
    <message>
        <source>Первые ошибки этого дня:</source>
        <translation>First errors of that day:</translation>
    </message>
    <message>
        <source>Соседние дни</source>
        <translation>Days around</translation>
    </message>
    <message>
        <source>Добавить журналы соседних дней (±):</source>
        <translation>Add the logs of days around (±):</translation>
    </message>
    <message>
        <source>Пригодится, если проблема была около полуночи или повторялась несколько дней.</source>
        <translation>Useful when the problem happened around midnight or over several days.</translation>
    </message>
    <message>
        <source>Дни с ошибками</source>
        <translation>Days with errors</translation>
    </message>
    <message>
        <source>Дни с ошибками за два месяца</source>
        <translation>Days with errors in the last two months</translation>
    </message>
    <message>
        <source>Когда это случилось?</source>
        <translation>When did it happen?</translation>
    </message>
    <message>
        <source>По дате сборщик выберет журналы работы программы за этот день.</source>
        <translation>The collector picks the program&apos;s logs of that day.</translation>
    </message>
    <message>
        <source>Выберите день, когда появилась ошибка: поддержке нужны журналы именно за него.</source>
        <translation>Choose the day the error appeared: support needs the logs of exactly that day.</translation>
    </message>
    <message>
        <source>Последний день с ошибками: {date}</source>
        <translation>Last day with errors: {date}</translation>
    </message>
    <message>
        <source>За два месяца ошибок в журналах нет.</source>
        <translation>No errors in the logs in the last two months.</translation>
    </message>
    <message>
        <source>День не выбран</source>
        <translation>No day chosen</translation>
    </message>
    <message>
        <source>Нажмите на день в календаре или выберите его в списке дней с ошибками.</source>
        <translation>Click a day in the calendar or pick one from the list of days with errors.</translation>
    </message>
    <message>
        <source>За этот день журналов нет: программа в тот день не запускалась или журналы уже удалены.</source>
        <translation>There are no logs for this day: the program was not started that day, or the logs have been deleted.</translation>
    </message>
    <message>
        <source>Ближайшие дни с журналами:</source>
        <translation>The nearest days with logs:</translation>
    </message>
    <message>
        <source>{errors} · {files}, {size}</source>
        <translation>{errors} · {files}, {size}</translation>
    </message>
    <message>
        <source>ошибок нет</source>
        <translation>no errors</translation>
    </message>
    <message>
        <source>Выбрать {date}</source>
        <translation>Choose {date}</translation>
    </message>
    <message>
        <source>Выберите день, журналы за который приложить: например, когда программа показала сообщение о лицензии.</source>
        <translation>Choose the day whose logs to attach: for example, when the program showed a message about the licence.</translation>
    </message>
    <message>
        <source>Последний день с ошибками: {date}, {errors}</source>
        <translation>The last day with errors: {date}, {errors}</translation>
    </message>
    <message>
        <source>{date} — {errors}</source>
        <translation>{date} — {errors}</translation>
    </message>
    <message>
        <source>Смотрю журналы за этот день…</source>
        <translation>Reading the logs of that day…</translation>
    </message>
    <message>
        <source>Снимки экрана</source>
        <translation>Screenshots</translation>
    </message>
    <message>
        <source>Снять &amp;экран</source>
        <translation>Take a &amp;screenshot</translation>
    </message>
    <message>
        <source>Снять через &amp;5 секунд</source>
        <translation>Take it in &amp;5 seconds</translation>
    </message>
    <message>
        <source>Успейте открыть нужное окно</source>
        <translation>Time to open the right window</translation>
    </message>
    <message>
        <source>Файлы</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>&amp;Выбрать файлы…</source>
        <translation>Choose fil&amp;es…</translation>
    </message>
    <message>
        <source>Приложить &amp;чек об оплате…</source>
        <translation>Attach the payment &amp;receipt…</translation>
    </message>
    <message>
        <source>Голосовые сообщения поддержка не принимает: опишите вопрос текстом или позвоните.</source>
        <translation>Support does not take voice messages: write your question or call.</translation>
    </message>
    <message>
        <source>Скрыть &amp;персональные данные (телефоны, почта, номера карт)</source>
        <translation>Hide &amp;personal data (phone numbers, e-mail addresses, card numbers)</translation>
    </message>
    <message>
        <source>В журналах они заменятся метками вида ***phone-1***; контакты для ответа в обращении останутся.</source>
        <translation>In the logs they become tags like ***phone-1***; the contacts in the request stay.</translation>
    </message>
    <message>
        <source>Отмеченное попадёт в архив. Пароли, ключи и токены заменяются метками вида ***secret-1***.</source>
        <translation>What is ticked goes into the archive. Passwords, keys and tokens are replaced by tags like ***secret-1***.</translation>
    </message>
    <message>
        <source>
… и ещё {n}</source>
        <translation>
… and {n} more</translation>
    </message>
    <message>
        <source>Ссылки и ярлыки</source>
        <translation>Links and shortcuts</translation>
    </message>
    <message>
        <source>Это ссылки или ярлыки, а не сами файлы:
{lines}{more}

Приложить файлы, на которые они указывают?</source>
        <translation>These are links or shortcuts, not the files themselves:
{lines}{more}

Attach the files they point to?</translation>
    </message>
    <message>
        <source>Выберите файлы</source>
        <translation>Choose files</translation>
    </message>
    <message>
        <source>Чек об оплате</source>
        <translation>Payment receipt</translation>
    </message>
    <message>
        <source>Фото и PDF (*.jpg *.jpeg *.png *.pdf *.heic *.webp *.bmp);;Все файлы (*)</source>
        <translation>Photos and PDF (*.jpg *.jpeg *.png *.pdf *.heic *.webp *.bmp);;All files (*)</translation>
    </message>
    <message>
        <source>Снимок экрана сделать не удалось. Нажмите PrtScn, сохраните снимок и приложите его файлом.</source>
        <translation>The screenshot could not be taken. Press PrtScn, save the picture and attach it as a file.</translation>
    </message>
    <message>
        <source>Снимок экрана добавлен</source>
        <translation>Screenshot added</translation>
    </message>
    <message>
        <source>Откройте в программе {product} окно с ошибкой и сделайте снимок: окно сборщика на это время скроется.</source>
        <translation>Open the window with the error in {product} and take a shot: the collector&apos;s window hides meanwhile.</translation>
    </message>
    <message>
        <source>&amp;Журналы работы программы за {date}</source>
        <translation>&amp;Logs of the program for {date}</translation>
    </message>
    <message>
        <source>Журналы программы на этом компьютере не найдены.</source>
        <translation>The program&apos;s logs were not found on this computer.</translation>
    </message>
    <message>
        <source>{files}, {size}; {errors}</source>
        <translation>{files}, {size}; {errors}</translation>
    </message>
    <message>
        <source>(вместе с соседними днями)</source>
        <translation>(with the days around it)</translation>
    </message>
    <message>
        <source>За этот день журналов нет — выберите другой день на предыдущей странице.</source>
        <translation>There are no logs for that day — choose another day on the previous page.</translation>
    </message>
    <message>
        <source>Смотрю журналы…</source>
        <translation>Reading the logs…</translation>
    </message>
    <message>
        <source>Без журналов поддержка не сможет разобраться в ошибке.</source>
        <translation>Without the logs support cannot look into the error.</translation>
    </message>
    <message>
        <source>&amp;Копия базы данных</source>
        <translation>&amp;Database copy</translation>
    </message>
    <message>
        <source>Настройки базы данных не найдены.</source>
        <translation>The database settings were not found.</translation>
    </message>
    <message>
        <source>База данных находится на другом компьютере ({server}). Чтобы приложить её, запустите сборщик на том компьютере.</source>
        <translation>The database is on another computer ({server}). To include it, run the collector on that computer.</translation>
    </message>
    <message>
        <source>Файл базы данных {path} не найден.</source>
        <translation>The database file {path} was not found.</translation>
    </message>
    <message>
        <source>Сама программа и её база при этом не меняются. Копия может занять несколько минут.</source>
        <translation>The program and its database are not changed by this. The copy may take a few minutes.</translation>
    </message>
    <message>
        <source>Для этой базы — {time}.</source>
        <translation>For this database: {time}.</translation>
    </message>
    <message>
        <source>Опишите, что случилось, что вы делали и что ожидали увидеть. Несколько вопросов — каждый отдельным пунктом. Версию программы писать не нужно: сборщик укажет её сам.</source>
        <translation>Describe what happened, what you were doing and what you expected to see. Several questions — each as its own item. No need to write the program&apos;s version: the collector adds it.</translation>
    </message>
    <message>
        <source>Сначала поищите ответ в базе знаний поддержки: многие вопросы там уже разобраны, и так быстрее.</source>
        <translation>First look for the answer in the support knowledge base: many questions are answered there already, and it is quicker.</translation>
    </message>
    <message>
        <source>Что происходит? Отметьте, если подходит</source>
        <translation>What is going on? Tick what fits</translation>
    </message>
    <message>
        <source>В таких случаях поддержке нужна копия базы данных, чтобы повторить ситуацию у себя: она будет приложена.</source>
        <translation>In such cases support needs a copy of the database to reproduce the situation: it will be included.</translation>
    </message>
    <message>
        <source>Журналы программы</source>
        <translation>The program&apos;s logs</translation>
    </message>
    <message>
        <source>Приложить &amp;журналы работы программы</source>
        <translation>Attach the program&apos;s &amp;logs</translation>
    </message>
    <message>
        <source>Нужны, если вопрос связан с сообщением, которое показала программа, например о лицензии. День выберете на следующем шаге.</source>
        <translation>Needed if the question is about a message the program showed, for example about the licence. You choose the day on the next step.</translation>
    </message>
    <message>
        <source>Продолжение прежнего обращения</source>
        <translation>Follow-up to an earlier request</translation>
    </message>
    <message>
        <source>Это продолжение обращения &amp;№</source>
        <translation>Follow-&amp;up to request No.</translation>
    </message>
    <message>
        <source>номер или код из ответа поддержки</source>
        <translation>number or code from the support&apos;s answer</translation>
    </message>
    <message>
        <source>Номер предыдущего обращения</source>
        <translation>Number of the earlier request</translation>
    </message>
    <message>
        <source>Это продолжение обращения</source>
        <translation>This is a follow-up</translation>
    </message>
    <message>
        <source>Если ответа долго нет — позвоните в поддержку или напишите ещё раз, указав номер предыдущего обращения. Не отправляйте одно и то же по разным каналам.</source>
        <translation>If no answer comes for a long time, call support or write again quoting the earlier request&apos;s number. Do not send the same thing through several channels.</translation>
    </message>
    <message>
        <source>Ваши вопросы</source>
        <translation>Your questions</translation>
    </message>
    <message>
        <source>Чем точнее описание, тем быстрее ответ.</source>
        <translation>The more precise the description, the faster the answer.</translation>
    </message>
    <message>
        <source>Подставить номер последнего обращения: {code}</source>
        <translation>Use the last request&apos;s number: {code}</translation>
    </message>
    <message>
        <source>Имя файла архива</source>
        <translation>Archive file name</translation>
    </message>
    <message>
        <source>&amp;Отправить в поддержку</source>
        <translation>&amp;Send to support</translation>
    </message>
    <message>
        <source>&amp;Письмо</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>Подготовить письмо с архивом во вложении</source>
        <translation>Prepare an e-mail with the archive attached</translation>
    </message>
    <message>
        <source>Скопировать &amp;текст обращения</source>
        <translation>Copy request te&amp;xt</translation>
    </message>
    <message>
        <source>Отправка</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Ход отправки</source>
        <translation>Sending progress</translation>
    </message>
    <message>
        <source>Свежую копию базы сделать не удалось. Есть автоматическая копия, которую программа {product} сделала сама {when} ({age}): поддержке она тоже поможет.</source>
        <translation>A fresh database copy could not be made. There is an automatic copy {product} made itself on {when} ({age}): it will help support too.</translation>
    </message>
    <message>
        <source>Код обращения:</source>
        <translation>Request code:</translation>
    </message>
    <message>
        <source>Повторить отправку</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Что собрано</source>
        <translation>What was collected</translation>
    </message>
    <message>
        <source>Архив готов</source>
        <translation>The archive is ready</translation>
    </message>
    <message>
        <source>&amp;Новое обращение</source>
        <translation>&amp;New request</translation>
    </message>
    <message>
        <source>Отправить обращение с архивом в поддержку через интернет: в ответ придёт номер обращения</source>
        <translation>Send the request with the archive to support over the internet: a request number comes back</translation>
    </message>
    <message>
        <source>Показать в папк&amp;е</source>
        <translation>Show in fol&amp;der</translation>
    </message>
    <message>
        <source>Номер обращения:</source>
        <translation>Request number:</translation>
    </message>
    <message>
        <source>Номер обращения</source>
        <translation>Request number</translation>
    </message>
    <message>
        <source>Копировать номер обращения</source>
        <translation>Copy the request number</translation>
    </message>
    <message>
        <source>Открыть &amp;письма</source>
        <translation>Open the &amp;letters</translation>
    </message>
    <message>
        <source>Собрать заново с этой копией</source>
        <translation>Collect again with this copy</translation>
    </message>
    <message>
        <source>Отправьте архив в поддержку одним из способов.</source>
        <translation>Send the archive to support in one of these ways.</translation>
    </message>
    <message>
        <source>Новое о&amp;бращение</source>
        <translation>New &amp;request</translation>
    </message>
    <message>
        <source>Архив готов, но не всё удалось собрать</source>
        <translation>The archive is ready, but not everything could be collected</translation>
    </message>
    <message>
        <source>{name} — частей: {n}</source>
        <translation>{name} — parts: {n}</translation>
    </message>
    <message>
        <source>{size} · папка {folder}</source>
        <translation>{size} · folder {folder}</translation>
    </message>
    <message>
        <source>превышено время</source>
        <translation>time limit hit</translation>
    </message>
    <message>
        <source>Архив собран из того, что получилось; причины записаны в manifest.json внутри архива.</source>
        <translation>The archive holds what could be collected; the reasons are in manifest.json inside it.</translation>
    </message>
    <message>
        <source>Проверяю файл перед отправкой…</source>
        <translation>Checking the file before sending…</translation>
    </message>
    <message>
        <source>Отправлено {sent} из {total}</source>
        <translation>Sent {sent} of {total}</translation>
    </message>
    <message>
        <source>{speed}/с</source>
        <translation>{speed}/s</translation>
    </message>
    <message>
        <source>осталось {left}</source>
        <translation>{left} left</translation>
    </message>
    <message>
        <source>часть {i} из {n}</source>
        <translation>part {i} of {n}</translation>
    </message>
    <message>
        <source>Что дальше: поддержка обычно отвечает в течение нескольких часов в рабочее время — на e-mail или телефон, указанные в обращении.</source>
        <translation>What next: support usually answers within a few hours in working time — to the e-mail or phone given in the request.</translation>
    </message>
    <message>
        <source>Номер сохранён: его всегда можно посмотреть в «Файл → Очередь отправки», а в следующем обращении о том же сборщик предложит его сам. Называйте его, если звоните в поддержку.</source>
        <translation>The number is kept: you can always see it in &quot;File → Send queue&quot;, and the collector offers it itself in your next request about the same thing. Quote it when you call support.</translation>
    </message>
    <message>
        <source>Не пишите о том же ещё раз по почте или в мессенджерах: поддержка просит не дублировать обращения по разным каналам.</source>
        <translation>Do not write about the same thing again by e-mail or messenger: support asks not to duplicate requests over different channels.</translation>
    </message>
    <message>
        <source>Остался последний шаг: полный архив с базой данных подготовлен письмами ({n}), в теме каждого — номер обращения. Отправьте все: {names}</source>
        <translation>One last step: the full archive with the database is prepared as letters ({n}), each with the request number in its subject. Send them all: {names}</translation>
    </message>
    <message>
        <source>Отправлено.</source>
        <translation>Sent.</translation>
    </message>
    <message>
        <source>Демо-поддержка приняла обращение, номер {code} (не настоящий)</source>
        <translation>The demo desk accepted the request, number {code} (not a real one)</translation>
    </message>
    <message>
        <source>Отправлено. Номер обращения: {code}</source>
        <translation>Sent. Request number: {code}</translation>
    </message>
    <message>
        <source>Отправить ещё раз (возможен повтор)</source>
        <translation>Send again (may be a repeat)</translation>
    </message>
    <message>
        <source>Архив сохранён в очереди отправки: сборщик предложит отправить его при следующем запуске.</source>
        <translation>The archive is kept in the send queue: the collector offers to send it at its next start.</translation>
    </message>
    <message>
        <source>Можно также отправить его письмом.</source>
        <translation>You can also send it by e-mail.</translation>
    </message>
    <message>
        <source>К письму приложен файл {name}.</source>
        <translation>The letter carries the file {name}.</translation>
    </message>
    <message>
        <source>К письмам приложены все тома: {names}.</source>
        <translation>The letters carry all volumes: {names}.</translation>
    </message>
    <message>
        <source>Если создаёте письмо сами, приложите файл {name} (файл .sha256 прикладывать не нужно).</source>
        <translation>If you write the letter yourself, attach the file {name} (no need to attach the .sha256 file).</translation>
    </message>
    <message>
        <source>Если создаёте письма сами, приложите все тома: {names} (файл .sha256 прикладывать не нужно).</source>
        <translation>If you write the letters yourself, attach all volumes: {names} (no need to attach the .sha256 file).</translation>
    </message>
    <message>
        <source>Номер обращения скопирован</source>
        <translation>Request number copied</translation>
    </message>
    <message>
        <source>Проверьте, что программа {product} установлена, и запустите сборщик снова.</source>
        <translation>Check that {product} is installed and run the collector again.</translation>
    </message>
    <message>
        <source>Скопируйте GBS.ID в окне лицензии программы {product} и соберите архив ещё раз — сборщик подхватит его сам.</source>
        <translation>Copy the GBS.ID in the licence window of {product} and collect again — the collector picks it up itself.</translation>
    </message>
    <message>
        <source>Проверьте, что служба Firebird запущена и программа {product} работает с базой, затем соберите архив ещё раз. Если не получится — отправьте этот архив: поддержка подскажет, как сделать копию базы.</source>
        <translation>Check that the Firebird service is running and {product} works with its database, then collect again. If that fails, send this archive: support will tell you how to copy the database.</translation>
    </message>
    <message>
        <source>Этот архив уже был отправлен раньше.</source>
        <translation>This archive had already been sent.</translation>
    </message>
    <message>
        <source>С настоящей установкой программы всё так же, только обращение уходит в поддержку: приходит настоящий номер, и поддержка отвечает на e-mail или телефон из обращения.</source>
        <translation>With a real installation of the program it all works the same, except that the request goes to support: a real number comes back, and support answers at the e-mail or phone given in the request.</translation>
    </message>
    <message>
        <source>Отправка прервана. Архив остался в очереди: его можно отправить позже — сборщик напомнит при запуске.</source>
        <translation>Sending was interrupted. The archive stays in the queue: you can send it later — the collector reminds you at start.</translation>
    </message>
    <message>
        <source>Текст обращения скопирован: его можно вставить в письмо или Telegram.</source>
        <translation>The request text was copied: paste it into an e-mail or Telegram.</translation>
    </message>
    <message>
        <source>Проверьте дату проблемы: возможно, за этот день журналов нет. Соседние дни можно добавить на странице «Дата».</source>
        <translation>Check the date of the problem: maybe there are no logs for that day. Days around can be added on the &quot;Date&quot; page.</translation>
    </message>
    <message>
        <source>Без настроек поддержка всё равно сможет начать разбираться.</source>
        <translation>Support can start looking into it without the settings too.</translation>
    </message>
    <message>
        <source>Сведения о компьютере не обязательны.</source>
        <translation>The computer details are optional.</translation>
    </message>
    <message>
        <source>Проверьте, что приложенные файлы на месте и не открыты в другой программе.</source>
        <translation>Check that the attached files are in place and not open in another program.</translation>
    </message>
    <message>
        <source>Текст обращения можно скопировать кнопкой выше и вставить в письмо.</source>
        <translation>Copy the request text with the button above and paste it into an e-mail.</translation>
    </message>
    <message>
        <source>База данных</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Размер архива</source>
        <translation>Archive size</translation>
    </message>
    <message>
        <source>Сбор займёт</source>
        <translation>Collecting takes</translation>
    </message>
    <message>
        <source>Свободно на диске</source>
        <translation>Free on disk</translation>
    </message>
    <message>
        <source>Папка для архива:</source>
        <translation>Archive folder:</translation>
    </message>
    <message>
        <source>&amp;Изменить…</source>
        <translation>Chan&amp;ge…</translation>
    </message>
    <message>
        <source>Изменить папку для архива</source>
        <translation>Change the archive folder</translation>
    </message>
    <message>
        <source>Файлы в архиве</source>
        <translation>Files in the archive</translation>
    </message>
    <message>
        <source>Текст обращения</source>
        <translation>Request text</translation>
    </message>
    <message>
        <source>Снимите отметку с того, что не хотите отправлять. Двойной щелчок открывает файл — так он попадёт в архив.</source>
        <translation>Untick what you do not want to send. A double click opens a file as it will go into the archive.</translation>
    </message>
    <message>
        <source>&amp;Открыть</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Файл</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Размер</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Файлы, которые попадут в архив</source>
        <translation>Files that go into the archive</translation>
    </message>
    <message>
        <source>Скопировать &amp;текст</source>
        <translation>Copy te&amp;xt</translation>
    </message>
    <message>
        <source>Для специалиста</source>
        <translation>For a technician</translation>
    </message>
    <message>
        <source>Сра&amp;зу отправить в поддержку — номер обращения придёт на следующей странице</source>
        <translation>Send to support right a&amp;way — the request number comes on the next page</translation>
    </message>
    <message>
        <source>Архив уйдёт в поддержку сам, как только соберётся; с сервером загрузки готовые части уходят ещё во время сбора.</source>
        <translation>The archive goes to support by itself as soon as it is collected; with an upload server, finished parts already go while collecting.</translation>
    </message>
    <message>
        <source>Этот текст войдёт в архив первым: его поддержка прочитает сначала.</source>
        <translation>This text goes into the archive first: support reads it before anything else.</translation>
    </message>
    <message>
        <source>Обычно здесь ничего менять не нужно: это для специалиста поддержки, если он попросит.</source>
        <translation>Usually nothing needs changing here: it is for a support technician, if they ask.</translation>
    </message>
    <message>
        <source>Пределы времени</source>
        <translation>Time limits</translation>
    </message>
    <message>
        <source>Шаг, не уложившийся в свой предел, останавливается, а архив собирается без него.</source>
        <translation>A step that exceeds its limit is stopped and the archive is made without it.</translation>
    </message>
    <message>
        <source> мин</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Предел времени: {step}</source>
        <translation>Time limit: {step}</translation>
    </message>
    <message>
        <source>Шифрование и деление</source>
        <translation>Encryption and splitting</translation>
    </message>
    <message>
        <source>без пароля</source>
        <translation>no password</translation>
    </message>
    <message>
        <source>Пароль архива</source>
        <translation>Archive password</translation>
    </message>
    <message>
        <source>&amp;Пароль архива:</source>
        <translation>Archive &amp;password:</translation>
    </message>
    <message>
        <source>Разделить архив на части</source>
        <translation>Split the archive into parts</translation>
    </message>
    <message>
        <source>не делить</source>
        <translation>do not split</translation>
    </message>
    <message>
        <source>по 10 МБ</source>
        <translation>10 MB each</translation>
    </message>
    <message>
        <source>по 20 МБ (для почты)</source>
        <translation>20 MB each (for e-mail)</translation>
    </message>
    <message>
        <source>по 50 МБ</source>
        <translation>50 MB each</translation>
    </message>
    <message>
        <source>по 100 МБ</source>
        <translation>100 MB each</translation>
    </message>
    <message>
        <source>Разделить на &amp;части:</source>
        <translation>Split into pa&amp;rts:</translation>
    </message>
    <message>
        <source>С паролем архив шифруется вместе с именами файлов. Сообщите пароль поддержке отдельно, например по телефону; в архив и журналы сборщика он не попадает.</source>
        <translation>With a password the archive is encrypted, file names included. Tell support the password separately, for example by phone; it never goes into the archive or the collector&apos;s logs.</translation>
    </message>
    <message>
        <source>&amp;Собрать и отправить</source>
        <translation>&amp;Collect and send</translation>
    </message>
    <message>
        <source>Не хватает места в папке {folder} ({purpose}): нужно около {need}, свободно {free}. Освободите место или выберите другую папку.</source>
        <translation>Not enough space in the folder {folder} ({purpose}): about {need} needed, {free} free. Free some space or choose another folder.</translation>
    </message>
    <message>
        <source>Размер и время — оценка до сбора.</source>
        <translation>Size and time are estimates made before collecting.</translation>
    </message>
    <message>
        <source>Обращение для программы поддержки</source>
        <translation>The request for the support desk&apos;s software</translation>
    </message>
    <message>
        <source>GBS.ID текстом</source>
        <translation>GBS.ID as text</translation>
    </message>
    <message>
        <source>Сведения о компьютере</source>
        <translation>About this computer</translation>
    </message>
    <message>
        <source>Копия базы данных</source>
        <translation>Database copy</translation>
    </message>
    <message>
        <source>Проверьте перед сбором</source>
        <translation>Check before collecting</translation>
    </message>
    <message>
        <source>Ничего не уйдёт с компьютера без вашего ведома: посмотрите, что попадёт в архив.</source>
        <translation>Nothing leaves this PC without you knowing: see what goes into the archive.</translation>
    </message>
    <message>
        <source>&amp;Собрать архив</source>
        <translation>&amp;Collect</translation>
    </message>
    <message>
        <source>Обязательная часть обращения</source>
        <translation>A required part of the request</translation>
    </message>
    <message>
        <source>≈ {size}</source>
        <translation>≈ {size}</translation>
    </message>
    <message>
        <source>не войдёт</source>
        <translation>left out</translation>
    </message>
    <message>
        <source>Копия базы данных делается во время сбора, открыть её заранее нельзя.</source>
        <translation>The database copy is made while collecting; it cannot be opened beforehand.</translation>
    </message>
    <message>
        <source>Текст обращения скопирован</source>
        <translation>Request text copied</translation>
    </message>
    <message>
        <source>обычно {time}</source>
        <translation>usually {time}</translation>
    </message>
    <message>
        <source>обычно секунды</source>
        <translation>usually seconds</translation>
    </message>
    <message>
        <source>Список файлов не составлен: {error}</source>
        <translation>The file list could not be made: {error}</translation>
    </message>
    <message>
        <source>Исправить</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>Исправить: {what}</source>
        <translation>Fix: {what}</translation>
    </message>
    <message>
        <source>…и ещё замечаний: {n}</source>
        <translation>…and {n} more remarks</translation>
    </message>
    <message>
        <source>1. Сохраните работу в программе {product}.
2. {how}.
3. Вернитесь сюда и нажмите «Проверить ещё раз». Если проблема осталась и после обновления, продолжайте обращение: сборщик укажет новую версию.</source>
        <translation>1. Save your work in {product}.
2. {how}.
3. Come back here and press “Check again”. If the problem is still there after the update, go on with the request: the collector will state the new version.</translation>
    </message>
    <message>
        <source>Как обновить программу</source>
        <translation>How to update the program</translation>
    </message>
    <message>
        <source>в программе {product}: Справка → Проверить обновления</source>
        <translation>in {product}: Help (Справка) → Check for updates (Проверить обновления)</translation>
    </message>
    <message>
        <source>&amp;Продолжить</source>
        <translation>&amp;Continue</translation>
    </message>
    <message>
        <source>Продолжить черновик</source>
        <translation>Continue the draft</translation>
    </message>
    <message>
        <source>Начать &amp;заново</source>
        <translation>Start &amp;over</translation>
    </message>
    <message>
        <source>Начать новое обращение, черновик отложить</source>
        <translation>Start a new request, keep the draft aside</translation>
    </message>
    <message>
        <source>&amp;Очередь отправки…</source>
        <translation>Send &amp;queue…</translation>
    </message>
    <message>
        <source>Что найдено на этом компьютере</source>
        <translation>What was found on this PC</translation>
    </message>
    <message>
        <source>Программа</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Версия</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Папка данных</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Искать ещё раз</source>
        <translation>Search again</translation>
    </message>
    <message>
        <source>Поддержка {desk}: {links}</source>
        <translation>{desk} support: {links}</translation>
    </message>
    <message>
        <source>Папка программы {product} или её данных</source>
        <translation>The folder of {product} or of its data</translation>
    </message>
    <message>
        <source>Программа {product} не найдена</source>
        <translation>{product} not found</translation>
    </message>
    <message>
        <source>В прошлый раз программа {product} закрылась некорректно (сбой, выключение питания или снятие задачи). Если проблема связана с этим, укажите в вопросе, когда это случилось.</source>
        <translation>Last time {product} did not close cleanly (a crash, a power cut or a killed task). If your problem is related, say in your question when it happened.</translation>
    </message>
    <message>
        <source>Посмотрите её в программе {product}: Справка → О программе — и напишите в вопросе, например: «У меня версия 6.3.0.1693».</source>
        <translation>Look it up in {product}: Help → About — and write it in your question, for example: &quot;My version is 6.3.0.1693&quot;.</translation>
    </message>
    <message>
        <source>Это демонстрационная установка программы {product}: с компьютера ничего не уходит. Обновления проверяются только по ответу сервера, сохранённому программой.</source>
        <translation>This is a demo installation of {product}: nothing leaves this computer. Updates are checked only against the server answer the program saved.</translation>
    </message>
    <message>
        <source>Указать &amp;папку программы…</source>
        <translation>Point to the program&apos;s &amp;folder…</translation>
    </message>
    <message>
        <source>Подготовить обращение в поддержку</source>
        <translation>Prepare a support request</translation>
    </message>
    <message>
        <source>Поддержка просит сначала обновить программу: часто ошибка уже исправлена в новой версии.</source>
        <translation>Support asks you to update the program first: the error is often already fixed in the new version.</translation>
    </message>
    <message>
        <source>Как обно&amp;вить</source>
        <translation>How to &amp;update</translation>
    </message>
    <message>
        <source>Проверить &amp;ещё раз</source>
        <translation>Check &amp;again</translation>
    </message>
    <message>
        <source>Проверить версию ещё раз</source>
        <translation>Check the version again</translation>
    </message>
    <message>
        <source>Одна тема — одно обращение: вопросы разных тем отправьте отдельно.</source>
        <translation>One topic per request: send questions on different topics separately.</translation>
    </message>
    <message>
        <source>Искать программу ещё раз</source>
        <translation>Search for the program again</translation>
    </message>
    <message>
        <source>Папка, где стоит программа (Market.exe), или её папка данных</source>
        <translation>The folder the program (Market.exe) is in, or its data folder</translation>
    </message>
    <message>
        <source>Всё, что вы напишете, сохраняется само: окно можно закрыть и продолжить потом.</source>
        <translation>Everything you write is saved by itself: you can close the window and continue later.</translation>
    </message>
    <message>
        <source>Сборщик соберёт всё, что нужно поддержке {desk}, в один файл: точную версию программы, журналы за день проблемы, копию базы данных и GBS.ID.</source>
        <translation>The collector puts everything {desk} support needs into one file: the exact program version, the logs of the day of the problem, a database copy and the GBS.ID.</translation>
    </message>
    <message>
        <source>Продолжить его или начать новое обращение?</source>
        <translation>Continue it or start a new request?</translation>
    </message>
    <message>
        <source>Ждут отправки в поддержку: {n} — {names}. Их можно отправить сейчас.</source>
        <translation>Waiting to be sent to support: {n} — {names}. You can send them now.</translation>
    </message>
    <message>
        <source>Ищу…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Обращение всё равно можно отправить: выберите тему и нажмите «Далее». Сборщик приложит то, что найдёт, — сведения о компьютере, GBS.ID из резервных копий, ваши файлы. Если программа стоит в другой папке или на другом диске, укажите её папку.</source>
        <translation>You can still send a request: choose a topic and press “Next”. The collector attaches what it finds: details of this computer, the GBS.ID from the backups, your files. If the program is in another folder or on another disk, point to its folder.</translation>
    </message>
    <message>
        <source>Где искали:</source>
        <translation>Where we looked:</translation>
    </message>
    <message>
        <source>сейчас запущена</source>
        <translation>running now</translation>
    </message>
    <message>
        <source>сейчас не запущена</source>
        <translation>not running now</translation>
    </message>
    <message>
        <source>файл программы не найден</source>
        <translation>program file not found</translation>
    </message>
    <message>
        <source>указана в AppConfig.conf</source>
        <translation>set in AppConfig.conf</translation>
    </message>
    <message>
        <source>Найдена ещё одна установка: {product} в {path}. Сборщик берёт данные выбранной выше.</source>
        <translation>Another installation was found: {product} in {path}. The collector uses the one shown above.</translation>
    </message>
    <message>
        <source>Версия не определена</source>
        <translation>Version unknown</translation>
    </message>
    <message>
        <source>Проверяю, последняя ли это версия…</source>
        <translation>Checking whether this is the latest version…</translation>
    </message>
    <message>
        <source>Версия актуальна.</source>
        <translation>The version is up to date.</translation>
    </message>
    <message>
        <source>Есть новая версия: {latest}.</source>
        <translation>A newer version is out: {latest}.</translation>
    </message>
    <message>
        <source>Не удалось проверить, последняя ли это версия.</source>
        <translation>Could not check whether this is the latest version.</translation>
    </message>
    <message>
        <source>Не найдена</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Настройки базы данных не прочитаны: копию базы приложить не получится, остальное соберётся.</source>
        <translation>The database settings could not be read: no database copy can be included, everything else will be.</translation>
    </message>
    <message>
        <source>Файл базы данных не найден: копию базы приложить не получится.</source>
        <translation>The database file was not found: no database copy can be included.</translation>
    </message>
    <message>
        <source>Размер: {size}</source>
        <translation>Size: {size}</translation>
    </message>
    <message>
        <source>«Отправить в поддержку» отправит обращение демо-серверу поддержки на этом компьютере.</source>
        <translation>“Send to support” sends the request to the demo support server on this computer.</translation>
    </message>
    <message>
        <source>Отправка в поддержку для демо-архивов закрыта: откройте демо командой ./scripts/app, и обращения будет принимать демо-сервер на этом компьютере.</source>
        <translation>Sending demo archives to support is closed: open the demo with ./scripts/app, and a demo server on this computer will accept the requests.</translation>
    </message>
    <message>
        <source>Оплата, продление и активация лицензии, перенос на другой компьютер, счета и чеки.</source>
        <translation>Payment, renewal and activation of the licence, moving to another PC, invoices and receipts.</translation>
    </message>
    <message>
        <source>Ошибки и сбои, медленная работа, как сделать что-то в программе, оборудование: касса, сканер, весы, маркировка.</source>
        <translation>Errors and failures, slowness, how to do something in the program, equipment: till, scanner, scales, product marking.</translation>
    </message>
    <message>
        <source>Партнёрство, дилерство, интеграция ваших сервисов с программой.</source>
        <translation>Partnership, dealership, integrating your services with the program.</translation>
    </message>
    <message>
        <source>Тема обращения</source>
        <translation>Request topic</translation>
    </message>
    <message>
        <source>Открыть &amp;базу знаний</source>
        <translation>Open the &amp;knowledge base</translation>
    </message>
    <message>
        <source>О чём обращение?</source>
        <translation>What is the request about?</translation>
    </message>
    <message>
        <source>Так файл попадёт в архив.</source>
        <translation>This is how the file goes into the archive.</translation>
    </message>
    <message>
        <source>Найти… (Ctrl+F)</source>
        <translation>Find… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Найти в файле</source>
        <translation>Find in the file</translation>
    </message>
    <message>
        <source>Переносить строки</source>
        <translation>Wrap lines</translation>
    </message>
    <message>
        <source>Читаю файл…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Файл не прочитан: {error}</source>
        <translation>The file could not be read: {error}</translation>
    </message>
    <message>
        <source>Перетащите сюда файлы — фото ошибки, чек об оплате, документ</source>
        <translation>Drop files here — a photo of the error, a payment receipt, a document</translation>
    </message>
    <message>
        <source>Область для перетаскивания файлов</source>
        <translation>Drop area for files</translation>
    </message>
    <message>
        <source>нет файла</source>
        <translation>no file</translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Открыть {name}</source>
        <translation>Open {name}</translation>
    </message>
    <message>
        <source>Убрать</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Убрать {name}</source>
        <translation>Remove {name}</translation>
    </message>
    <message>
        <source>Снимок экрана {name}</source>
        <translation>Screenshot {name}</translation>
    </message>
    <message>
        <source>Открыть снимок</source>
        <translation>Open the screenshot</translation>
    </message>
    <message>
        <source>Убрать снимок</source>
        <translation>Remove the screenshot</translation>
    </message>
    <message>
        <source>Убрать снимок {name}</source>
        <translation>Remove the screenshot {name}</translation>
    </message>
    <message>
        <source>Календарь: дни с ошибками отмечены числом ошибок</source>
        <translation>Calendar: days with errors carry their number of errors</translation>
    </message>
    <message>
        <source>Скрыть сообщение</source>
        <translation>Hide the message</translation>
    </message>
    <message>
        <source>Скрыть</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Ошибка</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Внимание</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Совет</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Идёт работа</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>QR-код GBS.ID</source>
        <translation>GBS.ID QR code</translation>
    </message>
    <message>
        <source>QR-код GBS.ID {value}: его можно сфотографировать телефоном</source>
        <translation>QR code of GBS.ID {value}: it can be photographed with a phone</translation>
    </message>
    <message>
        <source>GBS.ID и QR-код</source>
        <translation>GBS.ID and QR code</translation>
    </message>
    <message>
        <source>Сфотографируйте экран так, чтобы были видны и QR-код, и GBS.ID под ним целиком.</source>
        <translation>Photograph the screen so that both the QR code and the whole GBS.ID under it are visible.</translation>
    </message>
    <message>
        <source>GBS.ID — номер лицензии</source>
        <translation>GBS.ID — the licence id</translation>
    </message>
    <message>
        <source>GBS.ID</source>
        <translation>GBS.ID</translation>
    </message>
    <message>
        <source>Какой GBS.ID приложить</source>
        <translation>Which GBS.ID to include</translation>
    </message>
    <message>
        <source>Найдено несколько GBS.ID — выберите тот, о котором обращение:</source>
        <translation>Several GBS.IDs were found — choose the one the request is about:</translation>
    </message>
    <message>
        <source>Жду, когда вы скопируете GBS.ID в программе {product}…</source>
        <translation>Waiting for you to copy the GBS.ID in {product}…</translation>
    </message>
    <message>
        <source>&amp;Копировать</source>
        <translation>Cop&amp;y</translation>
    </message>
    <message>
        <source>Копировать GBS.ID</source>
        <translation>Copy the GBS.ID</translation>
    </message>
    <message>
        <source>Скопировать GBS.ID как текст, чтобы вставить в письмо или чат</source>
        <translation>Copy the GBS.ID as text to paste into an e-mail or chat</translation>
    </message>
    <message>
        <source>Показать крупно</source>
        <translation>Show large</translation>
    </message>
    <message>
        <source>Показать QR-код крупно</source>
        <translation>Show the QR code large</translation>
    </message>
    <message>
        <source>Скопирован из программы {product} (буфер обмена)</source>
        <translation>Copied from {product} (clipboard)</translation>
    </message>
    <message>
        <source>Скопировано: {value}</source>
        <translation>Copied: {value}</translation>
    </message>
    <message>
        <source>Что случилось, что вы делали и что ожидали увидеть?</source>
        <translation>What happened, what were you doing and what did you expect to see?</translation>
    </message>
    <message>
        <source>Удалить вопрос</source>
        <translation>Delete the question</translation>
    </message>
    <message>
        <source>Вопрос {n}</source>
        <translation>Question {n}</translation>
    </message>
    <message>
        <source>Удалить вопрос {n}</source>
        <translation>Delete question {n}</translation>
    </message>
    <message>
        <source>Д&amp;обавить вопрос</source>
        <translation>&amp;Add a question</translation>
    </message>
    <message>
        <source>Каждый вопрос — отдельным пунктом: поддержка ответит на каждый</source>
        <translation>Each question as its own item: support answers each one</translation>
    </message>
    <message>
        <source>Текст разделён на вопросы по номерам: {n}</source>
        <translation>The text was split into numbered questions: {n}</translation>
    </message>
    <message>
        <source>Обращение в поддержку</source>
        <translation>Support request</translation>
    </message>
    <message>
        <source>Сборщик {version}</source>
        <translation>Collector {version}</translation>
    </message>
    <message>
        <source>Шаг: {name}</source>
        <translation>Step: {name}</translation>
    </message>
    <message>
        <source>текущий</source>
        <translation>current</translation>
    </message>
    <message>
        <source>пройден</source>
        <translation>done</translation>
    </message>
    <message>
        <source>Заголовок страницы</source>
        <translation>Page title</translation>
    </message>
    <message>
        <source>&amp;Назад</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Назад</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Сообщение</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Файл</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Открыть &amp;папку с архивами</source>
        <translation>Open the archives &amp;folder</translation>
    </message>
    <message>
        <source>В&amp;ыход</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>&amp;Язык / Language</source>
        <translation>&amp;Language / Язык</translation>
    </message>
    <message>
        <source>&amp;Папка для архивов…</source>
        <translation>Archives &amp;folder…</translation>
    </message>
    <message>
        <source>Показывать &amp;список файлов перед сбором</source>
        <translation>Show the file &amp;list before collecting</translation>
    </message>
    <message>
        <source>Н&amp;астройки</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <source>Обращение в поддержку {product}</source>
        <translation>Request to {product} support</translation>
    </message>
    <message>
        <source>Сп&amp;равка</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Как скопировать &amp;GBS.ID</source>
        <translation>How to copy the &amp;GBS.ID</translation>
    </message>
    <message>
        <source>&amp;Правила поддержки</source>
        <translation>Support &amp;rules</translation>
    </message>
    <message>
        <source>&amp;База знаний поддержки</source>
        <translation>Support &amp;knowledge base</translation>
    </message>
    <message>
        <source>&amp;Связаться с поддержкой</source>
        <translation>&amp;Contact support</translation>
    </message>
    <message>
        <source>&amp;О программе</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Исправьте отмеченное на этой странице, чтобы продолжить.</source>
        <translation>Fix what is marked on this page to go on.</translation>
    </message>
    <message>
        <source>Новое обращение</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>Начать новое обращение? Текущий черновик не удалится: он будет отложен в папку черновиков.</source>
        <translation>Start a new request? The current draft is not deleted: it is kept aside in the drafts folder.</translation>
    </message>
    <message>
        <source>Папка для архивов</source>
        <translation>Archives folder</translation>
    </message>
    <message>
        <source>Как скопировать GBS.ID</source>
        <translation>How to copy the GBS.ID</translation>
    </message>
    <message>
        <source>Правила поддержки</source>
        <translation>Support rules</translation>
    </message>
    <message>
        <source>Как поддержка GBS.Market просит оформлять обращения:

• Сначала поищите ответ в базе знаний на сайте gbsmarket.ru.
• Обновите программу до последней версии; точную версию сборщик укажет сам.
• Одна тема на обращение: оплата и лицензии, технические вопросы и ошибки, сотрудничество.
• Несколько вопросов — пронумеруйте их; большие вопросы — отдельными обращениями.
• Для ошибки нужны журналы за тот день, когда она появилась; для ситуаций с данными — копия базы.
• Никаких голосовых сообщений: пишите текстом или позвоните.
• GBS.ID — только скопированным текстом или фото вместе с QR-кодом.
• Не дублируйте обращение по разным каналам и не пишите сотрудникам в личные сообщения; если ответа долго нет — позвоните или напишите ещё раз с номером предыдущего обращения.</source>
        <translation>How GBS.Market support asks for requests:

• First look for the answer in the knowledge base on gbsmarket.ru.
• Update the program to the latest version; the collector adds the exact version.
• One topic per request: payment and licences, technical questions and errors, cooperation.
• Several questions — number them; large questions — as separate requests.
• An error needs the logs of the day it appeared; situations with data need a database copy.
• No voice messages: write, or call.
• The GBS.ID only as copied text, or a photo together with its QR code.
• Do not repeat a request over several channels or write to employees privately; if no answer comes for a long time, call or write again with the earlier request&apos;s number.</translation>
    </message>
    <message>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Сборщик обращений в поддержку GBS.Market, версия {version}.

Собирает версию программы, журналы, копию базы данных и GBS.ID в один архив для службы поддержки. Ничего не меняет в программе и её базе данных.</source>
        <translation>GBS.Market support request collector, version {version}.

Puts the program version, logs, a database copy and the GBS.ID into one archive for the support desk. Changes nothing in the program or its database.</translation>
    </message>
    <message>
        <source>сбор архива</source>
        <translation>collecting the archive</translation>
    </message>
    <message>
        <source>отправка</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>Закрыть окно?</source>
        <translation>Close the window?</translation>
    </message>
    <message>
        <source>Сейчас идёт {what}. Прервать и закрыть? Незаконченный архив будет удалён, обращение останется в черновике.</source>
        <translation>Now {what} is under way. Stop and close? The unfinished archive will be deleted; the request stays as a draft.</translation>
    </message>
    <message>
        <source>Связаться с поддержкой</source>
        <translation>Contact support</translation>
    </message>
    <message>
        <source>База знаний</source>
        <translation>Knowledge base</translation>
    </message>
    <message>
        <source>Ссылки поддержки</source>
        <translation>Support links</translation>
    </message>
</context>
<context>
    <name>collector</name>
    <message>
        <source>Голосовое сообщение {name} не добавлено: поддержка принимает вопросы только текстом. Если нужно поговорить — позвоните.</source>
        <translation>Voice message {name} was not added: support takes questions in writing only. If you need to talk, call.</translation>
    </message>
    <message>
        <source>Файл {name} слишком большой ({mb} МБ, можно до {limit} МБ): не добавлен.</source>
        <translation>File {name} is too large ({mb} MB, the limit is {limit} MB): not added.</translation>
    </message>
    <message>
        <source>Вложения превышают {limit} МБ: файл {name} не добавлен.</source>
        <translation>The attachments exceed {limit} MB: file {name} was not added.</translation>
    </message>
    <message>
        <source>Слишком много файлов во вложениях: добавлены первые {n}.</source>
        <translation>Too many attached files: the first {n} were added.</translation>
    </message>
    <message>
        <source>Файл {name} не прочитан: {error}</source>
        <translation>File {name} could not be read: {error}</translation>
    </message>
    <message>
        <source>Вложение {path} не найдено.</source>
        <translation>Attachment {path} was not found.</translation>
    </message>
    <message>
        <source>Слишком маленький размер тома «{text}»: нужно не меньше 64 КБ.</source>
        <translation>Volume size &quot;{text}&quot; is too small: at least 64 KB is needed.</translation>
    </message>
    <message>
        <source>{path} записан не полностью ({size} байт): {error}</source>
        <translation>{path} was not written completely ({size} bytes): {error}</translation>
    </message>
    <message>
        <source>Файл {path} не найден.</source>
        <translation>File {path} was not found.</translation>
    </message>
    <message>
        <source>Не хватает части архива: {name}. Положите все части (.001, .002, …) в одну папку.</source>
        <translation>A part of the archive is missing: {name}. Put all parts (.001, .002, …) in one folder.</translation>
    </message>
    <message>
        <source>В архиве нет manifest.json последним файлом — это не архив сборщика или он недописан.</source>
        <translation>The archive does not end with manifest.json: it is not a collector archive, or it is incomplete.</translation>
    </message>
    <message>
        <source>Непонятный размер тома «{text}»: укажите число с единицей, например 17M, 100MB или 1G.</source>
        <translation>Unclear volume size &quot;{text}&quot;: give a number with a unit, e.g. 17M, 100MB or 1G.</translation>
    </message>
    <message>
        <source>Недостаточно места на диске для архива в папке {dir}. Освободите место или выберите другую папку (например, флешку) и повторите. Недописанный архив удалён.</source>
        <translation>Not enough disk space for the archive in {dir}. Free some space or choose another folder (a USB stick, for example) and try again. The unfinished archive was deleted.</translation>
    </message>
    <message>
        <source>Архив слишком велик для файловой системы в папке {dir} (например, FAT32 — не больше 4 ГБ на файл). Выберите другую папку или разбейте архив на тома.</source>
        <translation>The archive is too large for the file system of {dir} (FAT32, for example, allows at most 4 GB per file). Choose another folder or split the archive into volumes.</translation>
    </message>
    <message>
        <source>Нет прав на запись в папку {dir}. Выберите другую папку.</source>
        <translation>No permission to write to {dir}. Choose another folder.</translation>
    </message>
    <message>
        <source>Это не архив 7z или его начало повреждено.</source>
        <translation>This is not a 7z archive, or its beginning is damaged.</translation>
    </message>
    <message>
        <source>Архив неполный: не хватает {n} байт в конце — скорее всего, не все части (тома) скачаны или файл обрезан.</source>
        <translation>The archive is incomplete: {n} bytes are missing at the end — probably not all parts (volumes) were downloaded, or the file was cut.</translation>
    </message>
    <message>
        <source>manifest.json в архиве повреждён.</source>
        <translation>manifest.json in the archive is damaged.</translation>
    </message>
    <message>
        <source>Файла {name} нет в manifest.json.</source>
        <translation>File {name} is not in manifest.json.</translation>
    </message>
    <message>
        <source>Файл {name} не совпадает с manifest.json (размер или sha256).</source>
        <translation>File {name} does not match manifest.json (size or sha256).</translation>
    </message>
    <message>
        <source>Файла {name} из manifest.json нет в архиве.</source>
        <translation>File {name} from manifest.json is not in the archive.</translation>
    </message>
    <message>
        <source>Не удалось прочитать файл {path}: {error}</source>
        <translation>Could not read file {path}: {error}</translation>
    </message>
    <message>
        <source>Архив не прошёл проверку после записи: {problem}</source>
        <translation>The archive failed the check after writing: {problem}</translation>
    </message>
    <message>
        <source>Контрольная сумма {name} не совпадает с {sha}: файл изменён или повреждён при передаче.</source>
        <translation>The checksum of {name} does not match {sha}: the file was changed or damaged in transfer.</translation>
    </message>
    <message>
        <source>Архив защищён паролем: укажите пароль (--password).</source>
        <translation>The archive is password-protected: give the password (--password).</translation>
    </message>
    <message>
        <source>manifest.json в архиве не тот, что был записан.</source>
        <translation>manifest.json in the archive is not the one that was written.</translation>
    </message>
    <message>
        <source>Файл {name} в архиве не тот, что был записан.</source>
        <translation>File {name} in the archive is not the one that was written.</translation>
    </message>
    <message>
        <source>Файл {path} уже существует: выберите другую папку или удалите старый архив.</source>
        <translation>File {path} already exists: choose another folder or delete the old archive.</translation>
    </message>
    <message>
        <source>Файл {path} уже существует.</source>
        <translation>File {path} already exists.</translation>
    </message>
    <message>
        <source>Неверный пароль, или архив повреждён (7z не различает эти случаи).</source>
        <translation>Wrong password, or the archive is damaged (7z cannot tell these apart).</translation>
    </message>
    <message>
        <source>Вложение {name} не добавлено: {reason}.</source>
        <translation>Attachment {name} not added: {reason}.</translation>
    </message>
    <message>
        <source>Файл {name} лежит в папке для архивов и не добавлен: архив не включает сам себя.</source>
        <translation>File {name} is in the archives folder and was not added: an archive does not include itself.</translation>
    </message>
    <message>
        <source>Вложение {name} — {what}: приложите этот файл, если он нужен (подтвердите в окне или параметром --attach-links).</source>
        <translation>Attachment {name} is a {what}: attach that file if it is needed (confirm in the window or with --attach-links).</translation>
    </message>
    <message>
        <source>Вложение {name} — {what}, но такого файла здесь нет.</source>
        <translation>Attachment {name} is a {what}, but there is no such file here.</translation>
    </message>
    <message>
        <source>Папка {name} — это папка для архивов: архив не включает сам себя.</source>
        <translation>Folder {name} is the archives folder: an archive does not include itself.</translation>
    </message>
    <message>
        <source>Папка для архивов внутри {name} не включена: архив не включает сам себя.</source>
        <translation>The archives folder inside {name} was not included: an archive does not include itself.</translation>
    </message>
    <message>
        <source>Ссылка на папку {path} не открывается: приложите саму папку.</source>
        <translation>The link to the folder {path} is not followed: attach the folder itself.</translation>
    </message>
    <message>
        <source>{name} указывает на папку: приложите саму папку.</source>
        <translation>{name} points to a folder: attach the folder itself.</translation>
    </message>
    <message>
        <source>≈ {h} ч {m} мин до отправки</source>
        <translation>≈ {h} h {m} min until sent</translation>
    </message>
    <message>
        <source>≈ {n} с до отправки</source>
        <translation>≈ {n} s until sent</translation>
    </message>
    <message>
        <source>≈ {n} мин до отправки</source>
        <translation>≈ {n} min until sent</translation>
    </message>
    <message>
        <source>Архив повреждён: не сходится контрольная сумма файла {name}.</source>
        <translation>The archive is damaged: the checksum of {name} does not match.</translation>
    </message>
    <message>
        <source>Архив повреждён и не открывается: {error}</source>
        <translation>The archive is damaged and does not open: {error}</translation>
    </message>
    <message>
        <source>Папка {dir} доступна только для чтения. Выберите другую папку. Недописанный архив удалён.</source>
        <translation>Folder {dir} is read-only. Choose another folder. The unfinished archive was deleted.</translation>
    </message>
    <message>
        <source>Не удалось записать архив в папку {dir}: {error}. Выберите другую папку. Недописанный архив удалён.</source>
        <translation>Could not write the archive into the folder {dir}: {error}. Choose another folder. The unfinished archive was deleted.</translation>
    </message>
    <message>
        <source>Для работы с буфером обмена установите xclip, xsel или wl-clipboard (например, «sudo apt install xclip»).</source>
        <translation>To use the clipboard install xclip, xsel or wl-clipboard (e.g. &quot;sudo apt install xclip&quot;).</translation>
    </message>
    <message>
        <source>Буфер обмена занят другой программой. Попробуйте ещё раз через несколько секунд.</source>
        <translation>The clipboard is busy in another program. Try again in a few seconds.</translation>
    </message>
    <message>
        <source>Работа с буфером обмена отключена (переменная {env}=none).</source>
        <translation>Clipboard access is switched off ({env}=none).</translation>
    </message>
    <message>
        <source>Буфер обмена недоступен: программа запущена без графического сеанса (не заданы DISPLAY и WAYLAND_DISPLAY).</source>
        <translation>The clipboard is not available: the program runs without a graphical session (DISPLAY and WAYLAND_DISPLAY are not set).</translation>
    </message>
    <message>
        <source>Не удалось скопировать в буфер обмена ({tool}, код {code}). Проверьте, что вы в графическом сеансе.</source>
        <translation>Could not copy to the clipboard ({tool}, code {code}). Check that you are in a graphical session.</translation>
    </message>
    <message>
        <source>Неизвестный способ работы с буфером обмена «{name}» в {env}. Допустимо: windows, wl-clipboard, xclip, xsel, pbcopy, none.</source>
        <translation>Unknown clipboard method &quot;{name}&quot; in {env}. Allowed: windows, wl-clipboard, xclip, xsel, pbcopy, none.</translation>
    </message>
    <message>
        <source>Программа {tool} не найдена: установите её (например, «sudo apt install {package}»).</source>
        <translation>Program {tool} was not found: install it (e.g. &quot;sudo apt install {package}&quot;).</translation>
    </message>
    <message>
        <source>Буфер обмена не отвечает ({tool}). Попробуйте ещё раз.</source>
        <translation>The clipboard does not answer ({tool}). Try again.</translation>
    </message>
    <message>
        <source>Не удалось запустить {tool}: {error}</source>
        <translation>Could not start {tool}: {error}</translation>
    </message>
    <message>
        <source>Нет доступа к графическому сеансу: {tool} не может открыть дисплей.</source>
        <translation>No access to the graphical session: {tool} cannot open the display.</translation>
    </message>
    <message>
        <source>Буфер обмена Windows недоступен: {error}</source>
        <translation>The Windows clipboard is not available: {error}</translation>
    </message>
    <message>
        <source>Недостаточно памяти, чтобы скопировать текст.</source>
        <translation>Not enough memory to copy the text.</translation>
    </message>
    <message>
        <source>Windows не принял текст в буфер обмена (код {code}).</source>
        <translation>Windows did not accept the text into the clipboard (code {code}).</translation>
    </message>
    <message>
        <source>Предел времени в {item!r} должен быть больше нуля</source>
        <translation>The time limit in {item!r} must be above zero</translation>
    </message>
    <message>
        <source>обращение {number} принято, полный архив ждёт отправки</source>
        <translation>request {number} accepted, the full archive waits to be sent</translation>
    </message>
    <message>
        <source>возможно, дошёл (попытка {when}): ответ сервера не получен</source>
        <translation>may have arrived (attempt {when}): no answer from the server</translation>
    </message>
    <message>
        <source>Код обращения: {number}</source>
        <translation>Request code: {number}</translation>
    </message>
    <message>
        <source>Отправка в поддержку…</source>
        <translation>Sending to support…</translation>
    </message>
    <message>
        <source>Номер обращения: {number}</source>
        <translation>Request number: {number}</translation>
    </message>
    <message>
        <source>Адрес приёма обращений не настроен (intake_url в collector_settings.json рядом с программой): отправить сразу нельзя. Соберите архив без --send и отправьте его по почте.</source>
        <translation>The support intake address is not set (intake_url in collector_settings.json next to the program): cannot send right away. Collect the archive without --send and send it by e-mail.</translation>
    </message>
    <message>
        <source>Отправка прервана. Архив собран и остался в очереди «Отправить позже»; при следующей отправке она продолжится.</source>
        <translation>Sending interrupted. The archive is collected and stays in the «Send later» queue; the next send continues from where it stopped.</translation>
    </message>
    <message>
        <source>Архив сохранён в очереди «Отправить позже»: отправка продолжится командой collector upload --pending или при следующем запуске программы.</source>
        <translation>The archive is kept in the «Send later» queue: sending continues with collector upload --pending or at the program&apos;s next start.</translation>
    </message>
    <message>
        <source>Отправка прервана. Архив остался в очереди «Отправить позже»; при следующей отправке она продолжится.</source>
        <translation>Sending interrupted. The archive stays in the &quot;Send later&quot; queue; the next send goes on from there.</translation>
    </message>
    <message>
        <source>отправлен, номер обращения {code}</source>
        <translation>sent, request number {code}</translation>
    </message>
    <message>
        <source>Внимание: попытка {when} могла дойти до поддержки, хотя ответ не пришёл. Эта отправка может её продублировать; в обращении это отмечено.</source>
        <translation>Note: the attempt of {when} may have reached support although no answer came. This send may duplicate it; the request says so.</translation>
    </message>
    <message>
        <source>Письма с полным архивом: {paths}</source>
        <translation>Letters with the full archive: {paths}</translation>
    </message>
    <message>
        <source>{reason}
Архив {name} сохранён в очереди «Отправить позже»: программа предложит отправить его при следующем запуске (или команда: collector upload --pending).</source>
        <translation>{reason}
The archive {name} is kept in the &quot;Send later&quot; queue: the program offers to send it at its next start (or the command: collector upload --pending).</translation>
    </message>
    <message>
        <source>{when} — аварийное завершение {exe} ({details})</source>
        <translation>{when} — {exe} crashed ({details})</translation>
    </message>
    <message>
        <source>{when} — аварийное завершение {exe}</source>
        <translation>{when} — {exe} crashed</translation>
    </message>
    <message>
        <source>код исключения {code}</source>
        <translation>exception code {code}</translation>
    </message>
    <message>
        <source>.NET: {exception} в {method}</source>
        <translation>.NET: {exception} in {method}</translation>
    </message>
    <message>
        <source>.NET: {exception}</source>
        <translation>.NET: {exception}</translation>
    </message>
    <message>
        <source>сбойный модуль {module} {version}</source>
        <translation>faulting module {module} {version}</translation>
    </message>
    <message>
        <source>сбойный модуль {module}</source>
        <translation>faulting module {module}</translation>
    </message>
    <message>
        <source>Сервер Firebird ({server}) не отвечает: служба базы данных не запущена или порт закрыт. Запустите программу (она сама запускает свой сервер) или службу Firebird и повторите. Пакет собран без базы данных.</source>
        <translation>The Firebird server ({server}) does not answer: the database service is not running or the port is closed. Start the program (it starts its own server) or the Firebird service and try again. The bundle was made without the database.</translation>
    </message>
    <message>
        <source>программа {product} не смогла сделать копию базы (gbak завершился с ошибкой; в журнале программы это «Резервная копия БД не была создана», подробности в backup.log).</source>
        <translation>{product} could not back up the database (gbak failed; the program logs it as &quot;Резервная копия БД не была создана&quot;, details in backup.log).</translation>
    </message>
    <message>
        <source>Под системным корнем сервер Firebird должен быть на этом компьютере (localhost): сборщик даёт серверу свою копию базы, а сам файл {path} не меняется. Сервер {host} эту копию не увидит.</source>
        <translation>Under a system root the Firebird server must be on this computer (localhost): the collector hands the server its own copy of the database, and the file {path} itself never changes. Server {host} would not see that copy.</translation>
    </message>
    <message>
        <source>Удалены остатки прерванного сбора: недописанных архивов — {files}, временных папок — {folders} ({size}).</source>
        <translation>Removed what an interrupted collection left: unfinished archives: {files}, temporary folders: {folders} ({size}).</translation>
    </message>
    <message>
        <source>Обращение в поддержку {product}. Описание проблемы — в файле request.txt внутри приложенного архива.</source>
        <translation>A {product} support request. The description of the problem is in request.txt inside the attached archive.</translation>
    </message>
    <message>
        <source>Этот архив уже отправлен в поддержку: номер обращения {number}. Письмо с ним создало бы второе обращение. Если поддержка попросит прислать его ещё раз, используйте --again.</source>
        <translation>This archive has been sent to support already: request number {number}. A letter with it would make a second request. If support asks for it again, use --again.</translation>
    </message>
    <message>
        <source>Обращение отправлено целиком, но ответ сервера поддержки не получен ({reason}). Возможно, оно уже принято: повторять его автоматически сборщик не будет, чтобы не создать второе обращение. Подождите ответа поддержки на указанные контакты. Если ответа нет в течение рабочего дня, отправьте ещё раз: поддержка увидит, что это возможный повтор отправки {when}.</source>
        <translation>The request was sent in full, but no answer came from the support server ({reason}). It may have been accepted already: the collector will not repeat it by itself, so as not to make a second request. Wait for support to answer at the contacts you gave. If there is no answer within a working day, send it again: support will see it may repeat the send of {when}.</translation>
    </message>
    <message>
        <source>Сервер поддержки отклонил обращение (ответ {code}). Оно не принято; отправьте его письмом или позвоните в поддержку.</source>
        <translation>The support server refused the request (answer {code}). It was not accepted; send it by e-mail or call support.</translation>
    </message>
    <message>
        <source>Адрес приёма обращений задан неверно: {url}. Нужен адрес вида https://… (настройка intake_url).</source>
        <translation>The request intake address is wrong: {url}. An address like https://… is needed (setting intake_url).</translation>
    </message>
    <message>
        <source>Сервер поддержки не принимает такой большой файл (ответ 413).</source>
        <translation>The support server does not take a file this large (answer 413).</translation>
    </message>
    <message>
        <source>Сервер поддержки временно не принимает обращения (ответ {code}).</source>
        <translation>The support server is not taking requests right now (answer {code}).</translation>
    </message>
    <message>
        <source>Сервер поддержки перенаправляет запрос (ответ {code}): проверьте адрес приёма обращений (intake_url).</source>
        <translation>The support server redirects the request (answer {code}): check the request intake address (intake_url).</translation>
    </message>
    <message>
        <source>Соединение с сервером поддержки отклонено: его сертификат не прошёл проверку ({error}). Обращение не отправлено. Проверьте дату и время на компьютере. Если в сети стоит прокси или антивирус, проверяющий HTTPS, укажите его корневой сертификат в настройке ca_bundle (или в переменной REQUESTS_CA_BUNDLE).</source>
        <translation>The connection to the support server was refused: its certificate failed the check ({error}). The request was not sent. Check the date and time on this PC. If the network has a proxy or an antivirus that inspects HTTPS, give its root certificate in the setting ca_bundle (or the variable REQUESTS_CA_BUNDLE).</translation>
    </message>
    <message>
        <source>Нет связи с сервером поддержки {host}: {error}.</source>
        <translation>No connection to the support server {host}: {error}.</translation>
    </message>
    <message>
        <source>шлюз не дождался ответа сервера поддержки (ответ {code})</source>
        <translation>a gateway gave up waiting for the support server (answer {code})</translation>
    </message>
    <message>
        <source>сервер ответил {code}, но без номера обращения</source>
        <translation>the server answered {code}, but without a request number</translation>
    </message>
    <message>
        <source>Файл {name} не совпадает со своей контрольной суммой (.sha256): архив изменён или повреждён после сборки. Он не отправлен. Соберите архив заново.</source>
        <translation>The file {name} does not match its checksum (.sha256): the archive was changed or damaged after it was made. It was not sent. Make the archive again.</translation>
    </message>
    <message>
        <source>Архив {name} не прошёл проверку и не отправлен: {problem} Соберите архив заново.</source>
        <translation>The archive {name} failed the check and was not sent: {problem} Make the archive again.</translation>
    </message>
    <message>
        <source>Это архив демонстрационной установки: в настоящую поддержку он не отправляется — из выдуманных данных получилось бы настоящее обращение. Чтобы увидеть отправку целиком, откройте демо в окне (./scripts/app): окно само запускает демо-поддержку на этом компьютере. Из командной строки укажите сервер на этом компьютере: --intake http://127.0.0.1:ПОРТ/….</source>
        <translation>This archive comes from a demo installation: it is not sent to real support — made-up data would become a real request. To see the whole sending, open the demo in the window (./scripts/app): the window starts a demo support desk on this computer itself. From the command line, name a server on this computer: --intake http://127.0.0.1:PORT/….</translation>
    </message>
    <message>
        <source>Обращение принято поддержкой с архивом без базы данных. Полный архив с базой подготовлен письмами ({count}) с номером обращения в теме: отправьте их все{to}.</source>
        <translation>Support accepted the request with the archive without the database. The full archive with the database is prepared as letters ({count}) with the request number in the subject: send them all{to}.</translation>
    </message>
    <message>
        <source>{advice} Если поддержка GBS сама просит прислать архив через сборщик, это включает настройка intake_also_for.</source>
        <translation>{advice} If GBS support itself asks for the archive through the collector, the intake_also_for setting turns that on.</translation>
    </message>
    <message>
        <source>Этот архив уже отправлен раньше; второй раз он не отправлен.</source>
        <translation>This archive was sent before; it was not sent a second time.</translation>
    </message>
    <message>
        <source>Демонстрация: обращение принял демо-сервер поддержки внутри этого приложения, номер {number} — не настоящий. Ничего не ушло с компьютера: настоящая поддержка этот архив не получила. Что пришло на демо-сервер — в папке {folder}.</source>
        <translation>Demo: the request was accepted by the demo support server inside this application; number {number} is not a real one. Nothing left this computer: real support did not get this archive. What reached the demo server is in the folder {folder}.</translation>
    </message>
    <message>
        <source>Архив загружен на сервер поддержки: сообщите этот код поддержке — по нему найдут ваш архив.</source>
        <translation>The archive is uploaded to the support server: quote this code to support — they find your archive by it.</translation>
    </message>
    <message>
        <source>Обращение принято поддержкой вместе с архивом.</source>
        <translation>Support accepted the request together with the archive.</translation>
    </message>
    <message>
        <source>Обращение принято поддержкой с архивом без базы данных; полный архив с базой загружен отдельно и привязан к номеру обращения.</source>
        <translation>Support accepted the request with the archive without the database; the full archive with the database was uploaded separately and tied to the request number.</translation>
    </message>
    <message>
        <source>Отправка обращения в поддержку…</source>
        <translation>Sending the request to support…</translation>
    </message>
    <message>
        <source>Адрес приёма обращений не настроен (intake_url в collector_settings.json рядом с программой). Отправьте архив по почте или укажите адрес: --intake URL.</source>
        <translation>The request intake address is not set (intake_url in collector_settings.json beside the program). Send the archive by e-mail or give the address: --intake URL.</translation>
    </message>
    <message>
        <source>Проверка архива перед отправкой…</source>
        <translation>Checking the archive before sending…</translation>
    </message>
    <message>
        <source>Подготовка архива без базы данных для обращения…</source>
        <translation>Preparing the archive without the database for the request…</translation>
    </message>
    <message>
        <source>Обращение принято, номер {number}. Полный архив с базой данных ещё не отправлен: {reason}</source>
        <translation>The request is accepted, number {number}. The full archive with the database is not sent yet: {reason}</translation>
    </message>
    <message>
        <source>Отправка полного архива с базой данных…</source>
        <translation>Sending the full archive with the database…</translation>
    </message>
    <message>
        <source>Отправка архива…</source>
        <translation>Sending the archive…</translation>
    </message>
    <message>
        <source> на {address}</source>
        <translation> to {address}</translation>
    </message>
    <message>
        <source>Даже без базы данных архив больше предела приёма обращений.</source>
        <translation>Even without the database the archive is over the intake size limit.</translation>
    </message>
    <message>
        <source>Архив зашифрован: чтобы отправить его частями, нужен пароль архива.</source>
        <translation>The archive is encrypted: sending it in parts needs the archive password.</translation>
    </message>
    <message>
        <source>{reason} Сервер не отвечает уже {minutes} мин: отправка остановлена.</source>
        <translation>{reason} The server has not answered for {minutes} min: sending stopped.</translation>
    </message>
    <message>
        <source>Сервер поддержки отклонил запрос (ответ {code}).</source>
        <translation>The support server refused the request (answer {code}).</translation>
    </message>
    <message>
        <source>По адресу {url} нет сервера загрузки файлов (ответ {code}): проверьте адрес отправки в настройках (upload_url). Ничего не отправлено.</source>
        <translation>There is no file upload server at {url} (answer {code}): check the upload address in the settings (upload_url). Nothing was sent.</translation>
    </message>
    <message>
        <source>Сервер по адресу {url} не сообщил адрес загрузки (нет заголовка Location): это не сервер загрузки файлов. Проверьте upload_url.</source>
        <translation>The server at {url} gave no upload address (no Location header): it is not a file upload server. Check upload_url.</translation>
    </message>
    <message>
        <source>Соединение с сервером поддержки отклонено: его сертификат не прошёл проверку ({error}). Данные не отправлены. Проверьте дату и время на компьютере. Если в сети стоит прокси или антивирус, проверяющий HTTPS, укажите его корневой сертификат в настройке ca_bundle (или в переменной REQUESTS_CA_BUNDLE).</source>
        <translation>The connection to the support server was refused: its certificate failed the check ({error}). No data was sent. Check the date and time on this PC. If the network has a proxy or an antivirus that inspects HTTPS, give its root certificate in the setting ca_bundle (or the variable REQUESTS_CA_BUNDLE).</translation>
    </message>
    <message>
        <source>Ошибка при обращении к серверу поддержки {host}: {error}.</source>
        <translation>Error talking to the support server {host}: {error}.</translation>
    </message>
    <message>
        <source>Адрес сервера загрузки не настроен (upload_url в collector_settings.json рядом с программой). Отправьте архив по почте или укажите адрес: --url.</source>
        <translation>The upload server address is not set (upload_url in collector_settings.json beside the program). Send the archive by e-mail or give the address: --url.</translation>
    </message>
    <message>
        <source>Журнал событий Windows</source>
        <translation>Windows event log</translation>
    </message>
    <message>
        <source>Украина</source>
        <translation>Ukraine</translation>
    </message>
    <message>
        <source>Казахстан</source>
        <translation>Kazakhstan</translation>
    </message>
    <message>
        <source>{program}: её поддержка — не поддержка GBS, и сама программа обращения в поддержку GBS не отправляет ({why}). Отправьте архив в свою поддержку: {how}.</source>
        <translation>{program}: its support is not GBS support, and the program itself does not send requests to GBS support ({why}). Send the archive to your own support: {how}.</translation>
    </message>
    <message>
        <source>обратитесь туда, где приобрели программу, и отправьте архив так, как там скажут</source>
        <translation>contact the place where you bought the program and send the archive the way they tell you</translation>
    </message>
    <message>
        <source>{product} ({country})</source>
        <translation>{product} ({country})</translation>
    </message>
    <message>
        <source>письмом на {address} (архив приложится к письму: кнопка «Письмо», команда collector email)</source>
        <translation>by e-mail to {address} (the archive is attached to the letter: the “E-mail” button, the collector email command)</translation>
    </message>
    <message>
        <source>по телефону {phones}</source>
        <translation>by phone {phones}</translation>
    </message>
    <message>
        <source>через страницу поддержки {url}</source>
        <translation>through the support page {url}</translation>
    </message>
    <message>
        <source>это сборка GBS.Market для поставщика</source>
        <translation>this is a vendor build of GBS.Market</translation>
    </message>
    <message>
        <source>это партнёрская сборка GBS.Market</source>
        <translation>this is a partner build of GBS.Market</translation>
    </message>
    <message>
        <source>страна в настройках программы — {country}</source>
        <translation>the country in the program settings is {country}</translation>
    </message>
    <message>
        <source>Скопируйте ID в {product}: окно лицензии, кнопка копирования рядом с ID.</source>
        <translation>Copy the ID in {product}: the licence window, the copy button next to the ID.</translation>
    </message>
    <message>
        <source>Вместо GBS.ID здесь «{placeholder}»: так {product} пишет, когда не может прочитать свой ID из реестра Windows (HKCU\Software\F-Lab\GBS.Market\6) — например, при запуске под другим пользователем или без доступа к реестру. Это не ID. Запустите {product} под обычным пользователем кассы и скопируйте ID из окна лицензии.</source>
        <translation>Instead of a GBS.ID there is &quot;{placeholder}&quot;: {product} writes this when it cannot read its ID from the Windows registry (HKCU\Software\F-Lab\GBS.Market\6), for example when started as another user or without access to the registry. It is not an ID. Start {product} as the usual till user and copy the ID from the licence window.</translation>
    </message>
    <message>
        <source>На этом компьютере встречается несколько GBS.ID ({n}). Так бывает: {product} заводит новый ID для другого пользователя Windows, после замены оборудования и после «Сбросить ID». Взят {value}: {why}. Если вопрос о другой лицензии, скопируйте её ID из окна лицензии.</source>
        <translation>This PC shows several GBS.IDs ({n}). That happens: {product} makes a new ID for another Windows user, after a hardware change and after &quot;Reset ID&quot;. Taken: {value}: {why}. If the question is about another licence, copy its ID from the licence window.</translation>
    </message>
    <message>
        <source>Буфер обмена пуст.</source>
        <translation>The clipboard is empty.</translation>
    </message>
    <message>
        <source>GBS.ID не найден автоматически. Скопируйте его из {product} — сборщик подхватит его сам:</source>
        <translation>The GBS.ID was not found automatically. Copy it from {product}; the collector picks it up by itself:</translation>
    </message>
    <message>
        <source>1. Запустите {product}.</source>
        <translation>1. Start {product}.</translation>
    </message>
    <message>
        <source>2. Откройте окно лицензии (в окне «О программе» ID нет).</source>
        <translation>2. Open the licence window (the About window has no ID).</translation>
    </message>
    <message>
        <source>3. Рядом с GBS.ID (он выглядит как 6: и 32 цифры и буквы A–F) нажмите кнопку копирования.</source>
        <translation>3. Next to the GBS.ID (it looks like 6: and 32 digits and letters A–F) press the copy button.</translation>
    </message>
    <message>
        <source>его только что скопировали из программы</source>
        <translation>it was just copied from the program</translation>
    </message>
    <message>
        <source>Скопирован длинный текст, в нём нет GBS.ID вида 6:&lt;32 знака&gt;.</source>
        <translation>A long text was copied; it holds no GBS.ID of the form 6:&lt;32 characters&gt;.</translation>
    </message>
    <message>
        <source>с ним программа запускалась последней ({when})</source>
        <translation>the program last started with it ({when})</translation>
    </message>
    <message>
        <source>его резервные копии самые новые</source>
        <translation>its backups are the newest</translation>
    </message>
    <message>
        <source>Это идентификатор с дефисами, а {product} показывает GBS.ID без дефисов, в виде 6:&lt;32 знака&gt;: такой текст скопирован не из программы.</source>
        <translation>This is an identifier with dashes, but {product} shows the GBS.ID without dashes, as 6:&lt;32 characters&gt;: this text was not copied from the program.</translation>
    </message>
    <message>
        <source>(запись в {path})</source>
        <translation>(the entry in {path})</translation>
    </message>
    <message>
        <source>(папка резервных копий {path})</source>
        <translation>(the backup folder {path})</translation>
    </message>
    <message>
        <source>GBS.ID программы версии 6 начинается с «6:», а здесь «{prefix}».</source>
        <translation>The GBS.ID of version 6 starts with &quot;6:&quot;, here it is &quot;{prefix}&quot;.</translation>
    </message>
    <message>
        <source>записан программой при запуске {when} в {path}</source>
        <translation>written by the program at its start {when} in {path}</translation>
    </message>
    <message>
        <source>В ID есть русские буквы вместо латинских — похоже, его набрали вручную, а вручную ID не переписывают: в 99% случаев это приводит к ошибкам.</source>
        <translation>The ID has Cyrillic letters instead of Latin ones: it looks typed by hand, and an ID is never retyped: in 99% of cases that leads to mistakes.</translation>
    </message>
    <message>
        <source>В GBS.ID не бывает пробелов и переносов строк.</source>
        <translation>A GBS.ID has no spaces or line breaks.</translation>
    </message>
    <message>
        <source>В GBS.ID бывают только цифры 0–9 и латинские буквы A–F, а здесь есть «{chars}».</source>
        <translation>A GBS.ID holds only digits 0–9 and Latin letters A–F, here there is &quot;{chars}&quot;.</translation>
    </message>
    <message>
        <source>В GBS.ID 32 знака после «6:», а здесь {n}.</source>
        <translation>A GBS.ID has 32 characters after &quot;6:&quot;, here it has {n}.</translation>
    </message>
    <message>
        <source>адрес сервера не найден (нет интернета или DNS)</source>
        <translation>server address not found (no internet or DNS)</translation>
    </message>
    <message>
        <source>сервер отказал в подключении</source>
        <translation>the server refused the connection</translation>
    </message>
    <message>
        <source>соединение сброшено</source>
        <translation>the connection was reset</translation>
    </message>
    <message>
        <source>сервер не ответил вовремя</source>
        <translation>the server did not answer in time</translation>
    </message>
    <message>
        <source>сервер закрыл соединение, не ответив</source>
        <translation>the server closed the connection without answering</translation>
    </message>
    <message>
        <source>соединение прервано</source>
        <translation>the connection was aborted</translation>
    </message>
    <message>
        <source>сеть недоступна</source>
        <translation>the network is unreachable</translation>
    </message>
    <message>
        <source>сервер недоступен</source>
        <translation>the server is unreachable</translation>
    </message>
    <message>
        <source>соединение закрыто сервером</source>
        <translation>the server closed the connection</translation>
    </message>
    <message>
        <source>сбой соединения</source>
        <translation>connection failure</translation>
    </message>
    <message>
        <source>защищённое соединение не установлено</source>
        <translation>no secure connection could be made</translation>
    </message>
    <message>
        <source>сервер не ответил на подключение</source>
        <translation>the server did not answer the connection</translation>
    </message>
    <message>
        <source>ответ сервера оборвался</source>
        <translation>the server&apos;s answer was cut off</translation>
    </message>
    <message>
        <source>прокси-сервер не отвечает или не пропускает соединение</source>
        <translation>the proxy server does not answer or does not let the connection through</translation>
    </message>
    <message>
        <source>срок действия сертификата истёк</source>
        <translation>the certificate has expired</translation>
    </message>
    <message>
        <source>сертификат выдан другому адресу</source>
        <translation>the certificate was issued for another address</translation>
    </message>
    <message>
        <source>самоподписанный сертификат</source>
        <translation>a self-signed certificate</translation>
    </message>
    <message>
        <source>неизвестный центр сертификации</source>
        <translation>an unknown certificate authority</translation>
    </message>
    <message>
        <source>сертификат не заверен доверенным центром</source>
        <translation>the certificate is not signed by a trusted authority</translation>
    </message>
    <message>
        <source>Не удалось прочитать файл корневого сертификата {path}. Проверьте настройку ca_bundle.</source>
        <translation>Could not read the root certificate file {path}. Check the setting ca_bundle.</translation>
    </message>
    <message>
        <source>записей об установке программы нет</source>
        <translation>no installation entries of the program</translation>
    </message>
    <message>
        <source>{version}; в программе показана как {shown}</source>
        <translation>{version}; the program shows it as {shown}</translation>
    </message>
    <message>
        <source>автозапуск {value} = {path}</source>
        <translation>autostart {value} = {path}</translation>
    </message>
    <message>
        <source>В {name} папка данных записана без «\» в конце: «{target}». {product} приписывает к ней имена папок без разделителя, поэтому журналы лежат в {logs}, настройки в {configs} (а не в {target}\Logs). Сборщик читает их там же, где программа.</source>
        <translation>In {name} the data folder is written without a &quot;\&quot; at the end: &quot;{target}&quot;. {product} appends folder names to it without a separator, so its logs are in {logs}, its settings in {configs} (not in {target}\Logs). The collector reads them where the program does.</translation>
    </message>
    <message>
        <source>{name} указывает на папку данных {target}, но её нет: {product} создаёт её при запуске (или не запускается, если не может). Проверьте, подключён ли диск.</source>
        <translation>{name} names the data folder {target}, but it does not exist: {product} creates it when it starts (or does not start if it cannot). Check that the drive is connected.</translation>
    </message>
    <message>
        <source>папки данных по умолчанию {path} нет</source>
        <translation>no default data folder {path}</translation>
    </message>
    <message>
        <source>{name} не прочитан: {error}. {product} с таким файлом не запускается.</source>
        <translation>{name} not read: {error}. {product} does not start with such a file.</translation>
    </message>
    <message>
        <source>в {path} нет ни программы, ни её данных</source>
        <translation>{path} holds neither the program nor its data</translation>
    </message>
    <message>
        <source>ссылка на {target}</source>
        <translation>link to {target}</translation>
    </message>
    <message>
        <source>это канал (FIFO), а не файл: чтение из него может не закончиться</source>
        <translation>it is a pipe (FIFO), not a file: reading it may never end</translation>
    </message>
    <message>
        <source>это устройство, а не файл</source>
        <translation>it is a device, not a file</translation>
    </message>
    <message>
        <source>это сокет, а не файл</source>
        <translation>it is a socket, not a file</translation>
    </message>
    <message>
        <source>ярлык на {target}</source>
        <translation>shortcut to {target}</translation>
    </message>
    <message>
        <source>{date}: программа записала «Работа восстановлена после аварийного завершения» при запуске в {times}.</source>
        <translation>{date}: the program wrote &quot;Работа восстановлена после аварийного завершения&quot; (work recovered after an abnormal end) at its start at {times}.</translation>
    </message>
    <message>
        <source>{date}: работа, начатая в {times}, закончилась без записи о завершении (сбой, снятие задачи или выключение компьютера).</source>
        <translation>{date}: the run started at {times} ended without the closing record (a crash, a killed task or the PC switched off).</translation>
    </message>
    <message>
        <source>Версия в свойствах {name} записана как «{text}»: {product} такую не разбирает и считает себя версией {fallback}.</source>
        <translation>The version in the properties of {name} is written as &quot;{text}&quot;: {product} cannot read that and takes itself for version {fallback}.</translation>
    </message>
    <message>
        <source>сборки (AssemblyVersion)</source>
        <translation>of the assembly (AssemblyVersion)</translation>
    </message>
    <message>
        <source>в заголовке журнала</source>
        <translation>in the log header</translation>
    </message>
    <message>
        <source>Версия {what} {other} отличается от версии программы {version}.</source>
        <translation>The version {what} {other} differs from the program version {version}.</translation>
    </message>
    <message>
        <source>файл или папка не найдены</source>
        <translation>file or folder not found</translation>
    </message>
    <message>
        <source>нет прав доступа</source>
        <translation>access denied</translation>
    </message>
    <message>
        <source>операция не разрешена</source>
        <translation>operation not permitted</translation>
    </message>
    <message>
        <source>на диске не осталось места</source>
        <translation>no space left on the disk</translation>
    </message>
    <message>
        <source>диск доступен только для чтения</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>часть пути — не папка</source>
        <translation>a part of the path is not a folder</translation>
    </message>
    <message>
        <source>уже существует</source>
        <translation>already exists</translation>
    </message>
    <message>
        <source>файл или устройство заняты</source>
        <translation>the file or device is busy</translation>
    </message>
    <message>
        <source>слишком длинное имя файла или пути</source>
        <translation>the file name or path is too long</translation>
    </message>
    <message>
        <source>недопустимое имя или путь</source>
        <translation>invalid name or path</translation>
    </message>
    <message>
        <source>ошибка чтения или записи (диск повреждён или отключён)</source>
        <translation>read or write error (the disk is damaged or disconnected)</translation>
    </message>
    <message>
        <source>файл слишком велик для этой файловой системы</source>
        <translation>the file is too large for this file system</translation>
    </message>
    <message>
        <source>слишком много символических ссылок в пути</source>
        <translation>too many symbolic links in the path</translation>
    </message>
    <message>
        <source>открыто слишком много файлов</source>
        <translation>too many open files</translation>
    </message>
    <message>
        <source>устройство недоступно</source>
        <translation>the device is not available</translation>
    </message>
    <message>
        <source>файл занят другой программой</source>
        <translation>the file is in use by another program</translation>
    </message>
    <message>
        <source>файлы на разных дисках</source>
        <translation>the files are on different disks</translation>
    </message>
    <message>
        <source>папка не пуста</source>
        <translation>the folder is not empty</translation>
    </message>
    <message>
        <source>превышена квота на диске</source>
        <translation>disk quota exceeded</translation>
    </message>
    <message>
        <source>путь не найден</source>
        <translation>path not found</translation>
    </message>
    <message>
        <source>диск защищён от записи</source>
        <translation>the disk is write-protected</translation>
    </message>
    <message>
        <source>устройство не готово (диск или флешка извлечены?)</source>
        <translation>the device is not ready (was the disk or USB stick removed?)</translation>
    </message>
    <message>
        <source>часть файла заблокирована другой программой</source>
        <translation>a part of the file is locked by another program</translation>
    </message>
    <message>
        <source>недопустимое имя файла или пути</source>
        <translation>invalid file name or path</translation>
    </message>
    <message>
        <source>файл или папка повреждены</source>
        <translation>the file or folder is corrupted</translation>
    </message>
    <message>
        <source>файл открыт другой программой</source>
        <translation>the file is open in another program</translation>
    </message>
    <message>
        <source>сетевой путь не найден</source>
        <translation>network path not found</translation>
    </message>
    <message>
        <source>сетевое имя не найдено</source>
        <translation>network name not found</translation>
    </message>
    <message>
        <source>неверное имя пользователя или пароль</source>
        <translation>wrong user name or password</translation>
    </message>
    <message>
        <source>ошибка {kind}</source>
        <translation>{kind} error</translation>
    </message>
    <message>
        <source>ошибка разбора</source>
        <translation>parse error</translation>
    </message>
    <message>
        <source>ожидалось значение</source>
        <translation>a value was expected</translation>
    </message>
    <message>
        <source>ожидалось имя свойства в двойных кавычках</source>
        <translation>a property name in double quotes was expected</translation>
    </message>
    <message>
        <source>ожидалась запятая</source>
        <translation>a comma was expected</translation>
    </message>
    <message>
        <source>ожидалось двоеточие</source>
        <translation>a colon was expected</translation>
    </message>
    <message>
        <source>строка не закрыта кавычкой</source>
        <translation>a string is not closed with a quote</translation>
    </message>
    <message>
        <source>лишние данные после конца</source>
        <translation>extra data after the end</translation>
    </message>
    <message>
        <source>недопустимый управляющий символ</source>
        <translation>invalid control character</translation>
    </message>
    <message>
        <source>неверная последовательность \u</source>
        <translation>invalid \u sequence</translation>
    </message>
    <message>
        <source>неверная последовательность с обратной косой чертой</source>
        <translation>invalid backslash sequence</translation>
    </message>
    <message>
        <source>лишняя запятая в конце</source>
        <translation>trailing comma</translation>
    </message>
    <message>
        <source>{what} (строка {line}, столбец {col})</source>
        <translation>{what} (line {line}, column {col})</translation>
    </message>
    <message>
        <source>в файле есть байты не в кодировке {encoding}</source>
        <translation>the file holds bytes that are not {encoding}</translation>
    </message>
    <message>
        <source>ошибка системы (код {code})</source>
        <translation>system error (code {code})</translation>
    </message>
    <message>
        <source>ошибка разбора JSON</source>
        <translation>JSON parse error</translation>
    </message>
    <message>
        <source>{path} — это файл, а не папка. Выберите папку, например {suggestion}.</source>
        <translation>{path} is a file, not a folder. Choose a folder, for example {suggestion}.</translation>
    </message>
    <message>
        <source>Папку {path} нельзя создать: {part} — файл, а не папка. Выберите другую папку, например {suggestion}.</source>
        <translation>The folder {path} cannot be created: {part} is a file, not a folder. Choose another folder, for example {suggestion}.</translation>
    </message>
    <message>
        <source>Папка {path} доступна только для чтения (диск защищён от записи или подключён только для чтения). Выберите другую папку, например {suggestion}.</source>
        <translation>The folder {path} is read-only (the disk is write-protected or mounted read-only). Choose another folder, for example {suggestion}.</translation>
    </message>
    <message>
        <source>системный корень (диск клиента, только для чтения)</source>
        <translation>the system root (the customer&apos;s disk, read only)</translation>
    </message>
    <message>
        <source>Папка {path} находится внутри: {what}. Сборщик ничего не пишет в папки программы. Выберите другую папку, например {suggestion}.</source>
        <translation>The folder {path} is inside {what}. The collector writes nothing into the program&apos;s folders. Choose another folder, for example {suggestion}.</translation>
    </message>
    <message>
        <source>В папку {path} нельзя записать архив: {error}. Выберите другую папку, например {suggestion}.</source>
        <translation>The archive cannot be written into the folder {path}: {error}. Choose another folder, for example {suggestion}.</translation>
    </message>
    <message>
        <source>Папка {path} доступна только для чтения. Выберите другую папку, например {suggestion}.</source>
        <translation>The folder {path} is read-only. Choose another folder, for example {suggestion}.</translation>
    </message>
    <message>
        <source>Нет прав на запись в папку {path}. Выберите другую папку, например {suggestion}.</source>
        <translation>No permission to write into the folder {path}. Choose another folder, for example {suggestion}.</translation>
    </message>
    <message>
        <source>На диске с папкой {path} не осталось места. Выберите другую папку, например {suggestion}.</source>
        <translation>The disk holding the folder {path} is full. Choose another folder, for example {suggestion}.</translation>
    </message>
    <message>
        <source>GBS.Market на этом компьютере не найдена — собирать нечего. Убедитесь, что программа установлена, запустите её и повторите. Если программа не запускается или переустановлена, опишите проблему в обращении: с формой обращения (--form) архив соберётся и без неё.</source>
        <translation>GBS.Market was not found on this PC — there is nothing to collect. Make sure the program is installed, start it and try again. If the program does not start or was reinstalled, describe the problem in a request: with a request form (--form) the archive is made without it.</translation>
    </message>
    <message>
        <source>программа не найдена на этом компьютере</source>
        <translation>the program was not found on this PC</translation>
    </message>
    <message>
        <source>Оплата и лицензирование</source>
        <translation>Payment and licensing</translation>
    </message>
    <message>
        <source>Возможности, технические вопросы и ошибки</source>
        <translation>Features, technical questions and errors</translation>
    </message>
    <message>
        <source>Сотрудничество</source>
        <translation>Cooperation</translation>
    </message>
    <message>
        <source>программа работает медленно</source>
        <translation>the program is slow</translation>
    </message>
    <message>
        <source>не удаётся найти товар в каталоге</source>
        <translation>an item cannot be found in the catalogue</translation>
    </message>
    <message>
        <source>при просмотре журнала продаж за какой-то день возникает ошибка</source>
        <translation>an error appears when viewing the sales journal for some day</translation>
    </message>
    <message>
        <source>прибыль считается некорректно</source>
        <translation>the profit is calculated wrongly</translation>
    </message>
    <message>
        <source>Что известно:</source>
        <translation>What is known:</translation>
    </message>
    <message>
        <source>Не удалось приложить:</source>
        <translation>Could not be attached:</translation>
    </message>
    <message>
        <source> — последняя</source>
        <translation> — the latest</translation>
    </message>
    <message>
        <source> — проверить обновления не удалось ({reason})</source>
        <translation> — updates could not be checked ({reason})</translation>
    </message>
    <message>
        <source>причина неизвестна</source>
        <translation>reason unknown</translation>
    </message>
    <message>
        <source>В вопросе {n} упомянуто {named}, а журналы выбраны за {chosen}. Проверьте дату: нужен день, когда появилась ошибка.</source>
        <translation>Question {n} names {named}, but the logs are chosen for {chosen}. Check the date: the day the error appeared is needed.</translation>
    </message>
    <message>
        <source>Вопрос {n} — подсказка из шаблона формы: замените её своим вопросом.</source>
        <translation>Question {n} is the form template&apos;s hint: replace it with your own question.</translation>
    </message>
    <message>
        <source>Внимание: пароль в командной строке видят другие программы на этом компьютере. Безопаснее указать параметр без значения или переменную {env}.</source>
        <translation>Warning: a password on the command line is visible to other programs on this computer. Safer: give the option without a value, or the variable {env}.</translation>
    </message>
    <message>
        <source>{name} ({reason})</source>
        <translation>{name} ({reason})</translation>
    </message>
    <message>
        <source>ссылка</source>
        <translation>a link</translation>
    </message>
    <message>
        <source>ярлык</source>
        <translation>a shortcut</translation>
    </message>
    <message>
        <source>не обычный файл</source>
        <translation>not a regular file</translation>
    </message>
    <message>
        <source>пароли и ключи будут заменены метками вида ***secret-1***</source>
        <translation>passwords and keys will be replaced by tags like ***secret-1***</translation>
    </message>
    <message>
        <source>не текст: приложен как есть</source>
        <translation>not text: attached as it is</translation>
    </message>
    <message>
        <source>Configs\{name} не будет приложен: {reason}</source>
        <translation>Configs\{name} will not be attached: {reason}</translation>
    </message>
    <message>
        <source>не приложены: {names}</source>
        <translation>not attached: {names}</translation>
    </message>
    <message>
        <source>настройки программы (пароли и ключи заменены метками)</source>
        <translation>the program&apos;s settings (passwords and keys replaced by tags)</translation>
    </message>
    <message>
        <source>вложенность больше {n} папок</source>
        <translation>nested deeper than {n} folders</translation>
    </message>
    <message>
        <source>База данных: ODS {ods}, страница {page} байт; транзакции: oldest {oit}, oldest active {oat}, next {next} (разрыв {gap}).</source>
        <translation>Database: ODS {ods}, page {page} bytes; transactions: oldest {oit}, oldest active {oat}, next {next} (gap {gap}).</translation>
    </message>
    <message>
        <source>Файла базы на этом компьютере нет</source>
        <translation>The database file is not on this PC</translation>
    </message>
    <message>
        <source>Разрыв больше {limit}: долго открытая транзакция, частая причина медленной работы программы.</source>
        <translation>The gap is over {limit}: a long-open transaction, a common cause of the program working slowly.</translation>
    </message>
    <message>
        <source>Заголовок базы не прочитан: {error}</source>
        <translation>The database header was not read: {error}</translation>
    </message>
    <message>
        <source>Журнал событий Windows: сбои программы</source>
        <translation>Windows event log: program crashes</translation>
    </message>
    <message>
        <source>Аварийных завершений за выбранные дни: {n}</source>
        <translation>Crashes on the chosen days: {n}</translation>
    </message>
    <message>
        <source>В журнале событий Windows за выбранные дни сбоев программы нет</source>
        <translation>The Windows event log has no crashes of the program on the chosen days</translation>
    </message>
    <message>
        <source>…и ещё аварийных завершений в журнале событий Windows: {n}</source>
        <translation>…and more crashes in the Windows event log: {n}</translation>
    </message>
    <message>
        <source>записи журнала событий Windows о сбоях программы (system/eventlog-application.xml)</source>
        <translation>Windows event log entries about the program&apos;s crashes (system/eventlog-application.xml)</translation>
    </message>
    <message>
        <source>сбои программы за выбранные дни: {n}</source>
        <translation>program crashes on the chosen days: {n}</translation>
    </message>
    <message>
        <source>В журнале Firebird (firebird.log) за выбранные дни записей: {n}; первая в {when}: «{text}».</source>
        <translation>The Firebird log (firebird.log) holds {n} entries for the chosen days; the first at {when}: &quot;{text}&quot;.</translation>
    </message>
    <message>
        <source>записи журнала Firebird за выбранные дни (firebird/firebird.log)</source>
        <translation>the Firebird log entries of the chosen days (firebird/firebird.log)</translation>
    </message>
    <message>
        <source>только записи за выбранные дни</source>
        <translation>only the entries of the chosen days</translation>
    </message>
    <message>
        <source>Первая ошибка {day} — в {time}: {text}</source>
        <translation>The first error on {day}, at {time}: {text}</translation>
    </message>
    <message>
        <source>Путь {path} ведёт за пределы системного корня (через ссылку) — он не читается</source>
        <translation>The path {path} leads out of the system root (through a link): it is not read</translation>
    </message>
    <message>
        <source>Путь {path} выходит за пределы системного корня — он не читается</source>
        <translation>The path {path} climbs out of the system root: it is not read</translation>
    </message>
    <message>
        <source>это демонстрационная установка: настоящий сервер обновлений не спрашивается</source>
        <translation>this is a demo installation: the real update server is not asked</translation>
    </message>
    <message>
        <source> (по последнему ответу сервера обновлений, сохранённому программой{when}; {why})</source>
        <translation> (from the last update server answer the program saved{when}; {why})</translation>
    </message>
    <message>
        <source>Журнал событий Windows есть только в Windows</source>
        <translation>The Windows event log exists only on Windows</translation>
    </message>
    <message>
        <source>Файл журнала событий содержит DTD и не читается: в выгрузке Windows её не бывает</source>
        <translation>The event log file contains a DTD and is not read: a Windows export never has one</translation>
    </message>
    <message>
        <source>Журнал событий Windows не прочитан: {error}</source>
        <translation>The Windows event log was not read: {error}</translation>
    </message>
    <message>
        <source>Нет выгрузки журнала {channel} ({path}) в системном корне</source>
        <translation>No export of the {channel} log ({path}) in the system root</translation>
    </message>
    <message>
        <source>Выгрузка журнала {path} не прочитана: {error}</source>
        <translation>The log export {path} was not read: {error}</translation>
    </message>
    <message>
        <source>Журнал событий Windows недоступен: {error}</source>
        <translation>The Windows event log is unavailable: {error}</translation>
    </message>
    <message>
        <source>Поиск программы не удался из-за непредвиденной ошибки. Нажмите «Искать ещё раз»; если не поможет, обращение всё равно можно отправить.</source>
        <translation>Searching for the program failed with an unexpected error. Press “Search again”; if that does not help, you can still send the request.</translation>
    </message>
    <message>
        <source>Журналы программы на этом компьютере не найдены. День всё равно укажите: поддержке важно, когда это началось.</source>
        <translation>The program&apos;s logs were not found on this computer. Choose the day anyway: support needs to know when it began.</translation>
    </message>
    <message>
        <source>Не удалось проверить обновления: внутренняя ошибка сборщика (подробности в журнале).</source>
        <translation>Could not check for updates: an internal error of the collector (details in its log).</translation>
    </message>
    <message>
        <source>Файл обращения {path} должен содержать объект JSON</source>
        <translation>The request file {path} must hold a JSON object</translation>
    </message>
    <message>
        <source>зашифровать архив (AES-256)</source>
        <translation>encrypt the archive (AES-256)</translation>
    </message>
    <message>
        <source>пароль Firebird</source>
        <translation>Firebird password</translation>
    </message>
    <message>
        <source>Неверный предел времени {item!r}: нужно ШАГ=СЕКУНДЫ, шаги: {steps}</source>
        <translation>Wrong time limit {item!r}: STEP=SECONDS is needed, steps: {steps}</translation>
    </message>
    <message>
        <source>Неверное число секунд в {item!r}</source>
        <translation>Wrong number of seconds in {item!r}</translation>
    </message>
    <message>
        <source>Форма в порядке: обращение можно отправлять.</source>
        <translation>The form is fine: the request can be sent.</translation>
    </message>
    <message>
        <source>Ошибок: {n}. Исправьте их и проверьте снова.</source>
        <translation>Errors: {n}. Fix them and check again.</translation>
    </message>
    <message>
        <source>Найдено несколько GBS.ID — укажите нужный параметром --pick N:
{listing}</source>
        <translation>Several GBS.IDs were found — choose one with --pick N:
{listing}</translation>
    </message>
    <message>
        <source>Найдено GBS.ID: {n}</source>
        <translation>GBS.IDs found: {n}</translation>
    </message>
    <message>
        <source>GBS.ID {value} скопирован в буфер обмена.</source>
        <translation>GBS.ID {value} was copied to the clipboard.</translation>
    </message>
    <message>
        <source>Нет ID под номером {n}: найдено {count}.</source>
        <translation>There is no ID number {n}: {count} found.</translation>
    </message>
    <message>
        <source>Найдено несколько ID: выберите нужный параметром --pick N (ID, которым программа пользуется сейчас, — первый в списке).</source>
        <translation>Several IDs were found: choose one with --pick N (the ID the program uses now is first in the list).</translation>
    </message>
    <message>
        <source>Записан файл: {path}</source>
        <translation>File written: {path}</translation>
    </message>
    <message>
        <source>Записан QR-код: {path}</source>
        <translation>QR code written: {path}</translation>
    </message>
    <message>
        <source>Не удалось записать {path}: {error}</source>
        <translation>Could not write {path}: {error}</translation>
    </message>
    <message>
        <source>{name} (сборка GBS.Market для поставщика)</source>
        <translation>{name} (a vendor build of GBS.Market)</translation>
    </message>
    <message>
        <source>Рядом с {path} нет vendor.hash: программа не применяет vendor.dll и работает как GBS.Market.</source>
        <translation>There is no vendor.hash next to {path}: the program does not apply vendor.dll and works as GBS.Market.</translation>
    </message>
    <message>
        <source>В vendor.hash рядом с {path} лишние пробелы или перевод строки: программа сравнивает его точно и не применяет vendor.dll.</source>
        <translation>vendor.hash next to {path} has extra spaces or a line break: the program compares it exactly and does not apply vendor.dll.</translation>
    </message>
    <message>
        <source>vendor.hash не подходит к {path}: программа не применяет vendor.dll и работает как GBS.Market.</source>
        <translation>vendor.hash does not match {path}: the program does not apply vendor.dll and works as GBS.Market.</translation>
    </message>
    <message>
        <source>{path} не читается как JSON ({error}): программа с ним не запустится.</source>
        <translation>{path} cannot be read as JSON ({error}): the program will not start with it.</translation>
    </message>
    <message>
        <source>Форма записана в {path}. Заполните questions (по вопросу в пункте) и contact, затем проверьте: form check {path}</source>
        <translation>The form is written to {path}. Fill in questions (one question per item) and contact, then check it: form check {path}</translation>
    </message>
    <message>
        <source>Файл {path} уже есть: укажите другое имя или добавьте --force.</source>
        <translation>{path} already exists: give another name or add --force.</translation>
    </message>
    <message>
        <source>Неверная дата «{text}»: укажите её как ГГГГ-ММ-ДД, например 2026-11-20 (или 20.11.2026).</source>
        <translation>Wrong date &quot;{text}&quot;: give it as YYYY-MM-DD, e.g. 2026-11-20 (or 20.11.2026).</translation>
    </message>
    <message>
        <source>Неверное время «{text}»: укажите его как ЧЧ:ММ, например 09:30.</source>
        <translation>Wrong time &quot;{text}&quot;: give it as HH:MM, e.g. 09:30.</translation>
    </message>
    <message>
        <source>Укажите одно из двух: --date ГГГГ-ММ-ДД (журналы за день) или --calendar (число ошибок по дням).</source>
        <translation>Give one of the two: --date YYYY-MM-DD (the logs of a day) or --calendar (errors per day).</translation>
    </message>
    <message>
        <source>Дата {date} ещё не наступила (сегодня {today}).</source>
        <translation>The date {date} has not come yet (today is {today}).</translation>
    </message>
    <message>
        <source>GBS.Market на этом компьютере не найдена — журналы взять неоткуда. Если программа установлена в другую папку, запустите её и повторите.</source>
        <translation>GBS.Market was not found on this computer — there are no logs to take. If the program is installed in another folder, run it and try again.</translation>
    </message>
    <message>
        <source>Параметры {names} относятся к --date, а не к --calendar.</source>
        <translation>Options {names} belong to --date, not to --calendar.</translation>
    </message>
    <message>
        <source>--days: от 1 до 366 дней.</source>
        <translation>--days: from 1 to 366 days.</translation>
    </message>
    <message>
        <source>--max-file-mb: нужно положительное число мегабайт.</source>
        <translation>--max-file-mb: a positive number of megabytes is needed.</translation>
    </message>
    <message>
        <source>Такой даты нет: «{text}». Проверьте день и месяц.</source>
        <translation>There is no such date: &quot;{text}&quot;. Check the day and the month.</translation>
    </message>
    <message>
        <source>Отправлено {done} из {total} ({pct}%)</source>
        <translation>Sent {done} of {total} ({pct}%)</translation>
    </message>
    <message>
        <source>Контрольная сумма: {done} из {total} ({pct}%)</source>
        <translation>Checksum: {done} of {total} ({pct}%)</translation>
    </message>
    <message>
        <source>, том {part} из {parts}</source>
        <translation>, volume {part} of {parts}</translation>
    </message>
    <message>
        <source> · осталось {eta}</source>
        <translation> · {eta} left</translation>
    </message>
    <message>
        <source>Очередь отправки пуста.</source>
        <translation>The send queue is empty.</translation>
    </message>
    <message>
        <source>Укажите архив для отправки (или --pending, --list).</source>
        <translation>Give the archive to send (or --pending, --list).</translation>
    </message>
    <message>
        <source>Нечего отправлять: очередь «Отправить позже» пуста.</source>
        <translation>Nothing to send: the &quot;Send later&quot; queue is empty.</translation>
    </message>
    <message>
        <source>ждёт отправки</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>отправлен, код {code}</source>
        <translation>sent, code {code}</translation>
    </message>
    <message>
        <source>не отправлен</source>
        <translation>not sent</translation>
    </message>
    <message>
        <source>Запись убрана из очереди.</source>
        <translation>The entry was removed from the queue.</translation>
    </message>
    <message>
        <source>Отправка {name} ({size})…</source>
        <translation>Sending {name} ({size})…</translation>
    </message>
    <message>
        <source> (файл не найден)</source>
        <translation> (file not found)</translation>
    </message>
    <message>
        <source>Удалены файлы: {files}</source>
        <translation>Files deleted: {files}</translation>
    </message>
    <message>
        <source>пароль архива</source>
        <translation>archive password</translation>
    </message>
    <message>
        <source>Файл {name} пуст (возможно, программа не успела его записать)</source>
        <translation>File {name} is empty (perhaps the program had not finished writing it)</translation>
    </message>
    <message>
        <source>Файл {name} имеет неожиданный формат</source>
        <translation>File {name} has an unexpected format</translation>
    </message>
    <message>
        <source>Нет файла {name}</source>
        <translation>No file {name}</translation>
    </message>
    <message>
        <source>Не удалось прочитать {name}: {error}</source>
        <translation>Could not read {name}: {error}</translation>
    </message>
    <message>
        <source>Файл {name} повреждён: {detail}</source>
        <translation>File {name} is damaged: {detail}</translation>
    </message>
    <message>
        <source>{name}: {error} — программа работает с настройками по умолчанию</source>
        <translation>{name}: {error}; the program works with its default settings</translation>
    </message>
    <message>
        <source>Записано {mb} МБ</source>
        <translation>{mb} MB written</translation>
    </message>
    <message>
        <source>Копия файла базы для резервного копирования: {done} из {total} МБ</source>
        <translation>Copying the database file for the backup: {done} of {total} MB</translation>
    </message>
    <message>
        <source>Подключение к базе данных…</source>
        <translation>Connecting to the database…</translation>
    </message>
    <message>
        <source>Структура базы данных…</source>
        <translation>Database structure…</translation>
    </message>
    <message>
        <source>Копия базы данных готова: {mb} МБ</source>
        <translation>Database copy ready: {mb} MB</translation>
    </message>
    <message>
        <source>Таблица {n} из {total}: {table}, записано {mb} МБ</source>
        <translation>Table {n} of {total}: {table}, {mb} MB written</translation>
    </message>
    <message>
        <source>Неожиданный ответ сервера Firebird ({tag})</source>
        <translation>Unexpected answer from the Firebird server ({tag})</translation>
    </message>
    <message>
        <source>gbak не найден</source>
        <translation>gbak not found</translation>
    </message>
    <message>
        <source>в {folder} нужно {need} МБ, свободно {free} МБ</source>
        <translation>{need} MB needed in {folder}, {free} MB free</translation>
    </message>
    <message>
        <source>Не удалось сделать копию базы данных {path}: {detail}</source>
        <translation>Could not copy the database {path}: {detail}</translation>
    </message>
    <message>
        <source>Программа на этом компьютере работает с базой данных на другом компьютере ({server}). Копию базы нужно делать там, где она хранится; пакет собран без базы данных.</source>
        <translation>The program on this computer works with a database on another computer ({server}). The copy has to be made where the database is stored; the bundle was made without the database.</translation>
    </message>
    <message>
        <source>Сервер Firebird ({server}) не принял имя пользователя и пароль (пробовали: {tried}). Укажите логин и пароль базы данных — их знает специалист, настраивавший программу, — и повторите.</source>
        <translation>The Firebird server ({server}) refused the user name and password (tried: {tried}). Give the database login and password — the technician who set up the program knows them — and try again.</translation>
    </message>
    <message>
        <source>Файл базы данных {path} не найден. Проверьте путь к базе в настройках программы (Configs\DataBase.json).</source>
        <translation>The database file {path} was not found. Check the database path in the program&apos;s settings (Configs\DataBase.json).</translation>
    </message>
    <message>
        <source>Файл {path} не является базой данных Firebird.</source>
        <translation>The file {path} is not a Firebird database.</translation>
    </message>
    <message>
        <source>База {path} создана другой версией Firebird, которую этот сервер не читает ({detail}). Приложите автоматическую копию базы.</source>
        <translation>The database {path} was made by another Firebird version this server cannot read ({detail}). Include the automatic database copy instead.</translation>
    </message>
    <message>
        <source>База данных {path} занята другой программой и не открылась (блокировка). Закройте программы, работающие с базой, или сделайте копию через сервер Firebird, и повторите.</source>
        <translation>The database {path} is locked by another program and did not open. Close the programs working with it, or copy it through the Firebird server, and try again.</translation>
    </message>
    <message>
        <source>Firebird не может открыть файл базы {path}: нет прав на файл или его папку (или диск только для чтения). Запустите сборщик от имени администратора или проверьте права на папку базы.</source>
        <translation>Firebird cannot open the database file {path}: no permission on the file or its folder (or a read-only disk). Run the collector as administrator or check the permissions of the database folder.</translation>
    </message>
    <message>
        <source>У этого пользователя Firebird нет права делать копию базы {path} ({detail}). Нужен SYSDBA или владелец базы.</source>
        <translation>This Firebird user may not back up the database {path} ({detail}). SYSDBA or the database owner is needed.</translation>
    </message>
    <message>
        <source>База данных {path} переведена в режим обслуживания (shutdown) и закрыта для подключений. Верните её в обычный режим и повторите.</source>
        <translation>The database {path} is in maintenance mode (shutdown) and closed to connections. Bring it back online and try again.</translation>
    </message>
    <message>
        <source>Не хватает места на диске для копии базы данных ({detail}). Освободите место или выберите другую папку и повторите.</source>
        <translation>Not enough disk space for the database copy ({detail}). Free some space or choose another folder and try again.</translation>
    </message>
    <message>
        <source>Копию базы данных не удалось записать: {detail}</source>
        <translation>The database copy could not be written: {detail}</translation>
    </message>
    <message>
        <source>Firebird не смог прочитать базу {path}: похоже, она повреждена ({detail}). Сообщите об этом в поддержку и приложите автоматическую копию базы.</source>
        <translation>Firebird could not read the database {path}: it looks damaged ({detail}). Tell support and include the automatic database copy.</translation>
    </message>
    <message>
        <source>Не найдены программы Firebird для резервного копирования (gbak или клиент fbclient): {detail}</source>
        <translation>The Firebird backup programs (gbak or the fbclient library) were not found: {detail}</translation>
    </message>
    <message>
        <source>Файл базы {path} менялся, пока снималась копия: с ним работает сервер или программа. Укажите сервер Firebird (--fb-server адрес/порт) и повторите.</source>
        <translation>The database file {path} changed while it was being copied: a server or program works with it. Give the Firebird server (--fb-server host/port) and try again.</translation>
    </message>
    <message>
        <source>{product} на этом компьютере подключается к базе на другом компьютере (сетевой клиент): копию базы делает только компьютер, где база лежит.</source>
        <translation>{product} on this PC uses a database on another computer (a network client): only the computer that holds the database backs it up.</translation>
    </message>
    <message>
        <source>в настройках резервного копирования {product} выключено «Сохранять базу данных» (CreateDbInBackup): копии содержат только настройки и журналы.</source>
        <translation>saving the database is switched off in the backup settings of {product} (CreateDbInBackup): its backups hold only settings and logs.</translation>
    </message>
    <message>
        <source>только что</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>{n} год назад</source>
        <translation>{n} year ago</translation>
    </message>
    <message>
        <source>{n} года назад</source>
        <translation>{n} years ago</translation>
    </message>
    <message>
        <source>{n} лет назад</source>
        <translation>{n} years ago</translation>
    </message>
    <message>
        <source>{n} минуту назад</source>
        <translation>{n} minute ago</translation>
    </message>
    <message>
        <source>{n} минуты назад</source>
        <translation>{n} minutes ago</translation>
    </message>
    <message>
        <source>{n} минут назад</source>
        <translation>{n} minutes ago</translation>
    </message>
    <message>
        <source>{n} час назад</source>
        <translation>{n} hour ago</translation>
    </message>
    <message>
        <source>{n} часа назад</source>
        <translation>{n} hours ago</translation>
    </message>
    <message>
        <source>{n} часов назад</source>
        <translation>{n} hours ago</translation>
    </message>
    <message>
        <source>{n} день назад</source>
        <translation>{n} day ago</translation>
    </message>
    <message>
        <source>{n} дня назад</source>
        <translation>{n} days ago</translation>
    </message>
    <message>
        <source>{n} дней назад</source>
        <translation>{n} days ago</translation>
    </message>
    <message>
        <source>{n} месяц назад</source>
        <translation>{n} month ago</translation>
    </message>
    <message>
        <source>{n} месяца назад</source>
        <translation>{n} months ago</translation>
    </message>
    <message>
        <source>{n} месяцев назад</source>
        <translation>{n} months ago</translation>
    </message>
    <message>
        <source>пароль специалиста для {user}</source>
        <translation>the technician&apos;s password for {user}</translation>
    </message>
    <message>
        <source>стандартный пароль {user}</source>
        <translation>the standard password of {user}</translation>
    </message>
    <message>
        <source>встроенный движок Firebird</source>
        <translation>the embedded Firebird engine</translation>
    </message>
    <message>
        <source>Неверный адрес сервера Firebird «{text}»: нужно «адрес/порт», например localhost/3060</source>
        <translation>Wrong Firebird server address &quot;{text}&quot;: &quot;host/port&quot; is needed, e.g. localhost/3060</translation>
    </message>
    <message>
        <source>Неверный порт сервера Firebird: {port}</source>
        <translation>Wrong Firebird server port: {port}</translation>
    </message>
    <message>
        <source>Копия проверена: восстановлено {tables} таблиц, {records} записей.</source>
        <translation>Copy verified: {tables} tables, {records} records restored.</translation>
    </message>
    <message>
        <source>Проверка копии пропущена: gbak не найден.</source>
        <translation>The copy was not verified: gbak not found.</translation>
    </message>
    <message>
        <source>Проверка копии пропущена: в {folder} нужно {need} МБ, свободно {free} МБ.</source>
        <translation>The copy was not verified: {need} MB needed in {folder}, {free} MB free.</translation>
    </message>
    <message>
        <source>Проверка копии остановлена через {s} с: база большая; копия сохранена без проверки.</source>
        <translation>Verifying the copy stopped after {s} s: the database is large; the copy was kept unverified.</translation>
    </message>
    <message>
        <source>Копия базы не восстанавливается: {detail}</source>
        <translation>The database copy does not restore: {detail}</translation>
    </message>
    <message>
        <source>В копии {got} записей, а при копировании записано {want}.</source>
        <translation>The copy holds {got} records, but {want} were written.</translation>
    </message>
    <message>
        <source>В архиве нет manifest.json.</source>
        <translation>There is no manifest.json in the archive.</translation>
    </message>
    <message>
        <source>Не найден первый том архива: {path}</source>
        <translation>The first volume of the archive was not found: {path}</translation>
    </message>
    <message>
        <source>Не хватает тома архива {missing}: найдены тома после него ({found}). Скопируйте все тома в одну папку и повторите.</source>
        <translation>Volume {missing} of the archive is missing: volumes after it were found ({found}). Copy all volumes into one folder and try again.</translation>
    </message>
    <message>
        <source>Файл не найден: {path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>Архив зашифрован: нужен пароль архива.</source>
        <translation>The archive is encrypted: the archive password is needed.</translation>
    </message>
    <message>
        <source>Архив {name} не читается ({error}): возможно, он повреждён.</source>
        <translation>The archive {name} cannot be read ({error}): it may be damaged.</translation>
    </message>
    <message>
        <source>Архив {name} не читается: неверный пароль архива или архив повреждён.</source>
        <translation>The archive {name} cannot be read: wrong archive password, or the archive is damaged.</translation>
    </message>
    <message>
        <source>Черновик письма готов: {path}. Откройте его, проверьте адрес получателя и отправьте.</source>
        <translation>The e-mail draft is ready: {path}. Open it, check the recipient and send it.</translation>
    </message>
    <message>
        <source>Архив не помещается в одно письмо: подготовлено {count} черновика(ов), отправьте все: {paths}</source>
        <translation>The archive does not fit into one e-mail: {count} drafts were prepared, send them all: {paths}</translation>
    </message>
    <message>
        <source>Обращение № {number}</source>
        <translation>Request No. {number}</translation>
    </message>
    <message>
        <source>Письмо {index} из {count}: {names}.</source>
        <translation>E-mail {index} of {count}: {names}.</translation>
    </message>
    <message>
        <source>Номер обращения: {code}. Текст обращения и архив без базы данных уже у поддержки; в этом письме — полный архив {name}.</source>
        <translation>Request number: {code}. The request text and the archive without the database are with support already; this letter carries the full archive {name}.</translation>
    </message>
    <message>
        <source>Код обращения: {code} (архив {name} загружен на сервер поддержки).</source>
        <translation>Request code: {code} (the archive {name} was uploaded to the support server).</translation>
    </message>
    <message>
        <source>Архив больше предела почты ({limit} МБ) и не приложен; он уже загружен на сервер поддержки, в письме указан код обращения {code}. Черновик: {path}</source>
        <translation>The archive is larger than the e-mail limit ({limit} MB) and is not attached; it was already uploaded to the support server, and the e-mail quotes the request code {code}. Draft: {path}</translation>
    </message>
    <message>
        <source>Текст обращения не прочитан из архива ({problem}), в письме — короткая заметка. Укажите пароль архива (--password-file) или текст письма (--request).</source>
        <translation>The request text could not be read from the archive ({problem}); the e-mail carries a short note. Give the archive password (--password-file) or the e-mail text (--request).</translation>
    </message>
    <message>
        <source>GBS.ID не найден</source>
        <translation>GBS.ID not found</translation>
    </message>
    <message>
        <source>Текст обращения — в письме 1 из {count}.</source>
        <translation>The request text is in e-mail 1 of {count}.</translation>
    </message>
    <message>
        <source>Файл {name} ({size} МБ, в письме займёт {mail} МБ) больше предела почты ({limit} МБ), письмо не создано. Отправьте архив через интернет (кнопка «Отправить», команда: collector upload) или соберите его заново томами по {volume} МБ (--volume-size {volume}M) — тогда тома разойдутся по нескольким письмам.</source>
        <translation>File {name} ({size} MB, {mail} MB in an e-mail) is larger than the e-mail limit ({limit} MB); no e-mail was made. Send the archive over the internet (the &quot;Send&quot; button, or: collector upload) or collect it again in volumes of {volume} MB (--volume-size {volume}M) — the volumes then go into several e-mails.</translation>
    </message>
    <message>
        <source>Письмо {name} вышло больше предела почты.</source>
        <translation>E-mail {name} came out larger than the e-mail limit.</translation>
    </message>
    <message>
        <source>версия не определена</source>
        <translation>version unknown</translation>
    </message>
    <message>
        <source>нет request.txt</source>
        <translation>no request.txt</translation>
    </message>
    <message>
        <source>Письмо открыто в почтовой программе.</source>
        <translation>The e-mail was opened in the mail program.</translation>
    </message>
    <message>
        <source>Файл показан в Проводнике.</source>
        <translation>The file is shown in Explorer.</translation>
    </message>
    <message>
        <source>Не удалось открыть почтовую программу: откройте файл {path} вручную (двойным щелчком) или создайте письмо и приложите к нему архив.</source>
        <translation>Could not open the mail program: open the file {path} yourself (double-click it) or write an e-mail and attach the archive.</translation>
    </message>
    <message>
        <source>Не удалось открыть файловый менеджер. Файл лежит здесь: {path}</source>
        <translation>Could not open the file manager. The file is here: {path}</translation>
    </message>
    <message>
        <source>Файл показан в файловом менеджере.</source>
        <translation>The file is shown in the file manager.</translation>
    </message>
    <message>
        <source>Открыта папка с файлом {name}.</source>
        <translation>The folder with {name} was opened.</translation>
    </message>
    <message>
        <source>Не удалось открыть {path} в почтовой программе ({error}). Возможно, почтовая программа не настроена: откройте файл вручную или приложите архив к письму.</source>
        <translation>Could not open {path} in the mail program ({error}). Perhaps no mail program is set up: open the file yourself or attach the archive to an e-mail.</translation>
    </message>
    <message>
        <source>Не удалось открыть Проводник ({error}). Файл: {path}</source>
        <translation>Could not open Explorer ({error}). File: {path}</translation>
    </message>
    <message>
        <source>Файл {path} не найден: его переместили или удалили.</source>
        <translation>File {path} was not found: it was moved or deleted.</translation>
    </message>
    <message>
        <source>Отправка прервана пользователем.</source>
        <translation>Sending was interrupted by the user.</translation>
    </message>
    <message>
        <source>Не удалось удалить {path}: {error}</source>
        <translation>Could not delete {path}: {error}</translation>
    </message>
    <message>
        <source>Адрес сервера отправки задан неверно: {url}. Нужен адрес вида https://…</source>
        <translation>The upload server address is wrong: {url}. An address like https://… is needed</translation>
    </message>
    <message>
        <source>Сервер поддержки временно не принимает файлы (ответ {code}).</source>
        <translation>The support server does not take files at the moment (answer {code}).</translation>
    </message>
    <message>
        <source>Сервер поддержки отказал в доступе (ответ {code}): ключ отправки (upload_token в настройках) не подходит. Обратитесь к тому, кто выдал программу, или отправьте файл по почте.</source>
        <translation>The support server refused access (answer {code}): the upload key (upload_token in the settings) does not fit. Ask whoever gave you the program, or send the file by e-mail.</translation>
    </message>
    <message>
        <source>Сервер поддержки не принимает такой большой файл (ответ 413). Соберите архив томами поменьше или без базы данных.</source>
        <translation>The support server does not take a file this large (answer 413). Collect the archive in smaller volumes or without the database.</translation>
    </message>
    <message>
        <source>Сервер поддержки сообщил о расхождении в уже полученных данных (ответ 409).</source>
        <translation>The support server reported a mismatch in the data already received (answer 409).</translation>
    </message>
    <message>
        <source>Сервер больше не хранит начатую загрузку (ответ {code}).</source>
        <translation>The server no longer keeps the started upload (answer {code}).</translation>
    </message>
    <message>
        <source>Сервер поддержки перенаправляет запрос (ответ {code}): проверьте адрес отправки в настройках (upload_url).</source>
        <translation>The support server redirects the request (answer {code}): check the upload address in the settings (upload_url).</translation>
    </message>
    <message>
        <source>Сервер поддержки предложил отправить файл по незащищённому адресу ({url}); отправка остановлена.</source>
        <translation>The support server offered an unprotected address ({url}); sending was stopped.</translation>
    </message>
    <message>
        <source>Сервер поддержки не сообщил, сколько уже получено (нет Upload-Offset).</source>
        <translation>The support server did not say how much it has received (no Upload-Offset).</translation>
    </message>
    <message>
        <source>Сервер поддержки не подтвердил полученное (нет Upload-Offset).</source>
        <translation>The support server did not confirm what it received (no Upload-Offset).</translation>
    </message>
    <message>
        <source>{why} Повтор через {seconds} с.</source>
        <translation>{why} Retrying in {seconds} s.</translation>
    </message>
    <message>
        <source>Обращение в поддержку {product}. Описание — в файле request.txt внутри архива.</source>
        <translation>A {product} support request. The description is in request.txt inside the archive.</translation>
    </message>
    <message>
        <source>Проверка сервера поддержки…</source>
        <translation>Checking the support server…</translation>
    </message>
    <message>
        <source>Файл {name} изменился во время отправки. Соберите архив заново.</source>
        <translation>File {name} changed while being sent. Collect the archive again.</translation>
    </message>
    <message>
        <source>На сервере под этим адресом другая загрузка.</source>
        <translation>The server holds another upload under this address.</translation>
    </message>
    <message>
        <source>Файл {name} ({size}) больше, чем принимает сервер поддержки ({limit}). Ничего не отправлено. Соберите архив заново томами не больше {limit} (параметр «размер тома») или без базы данных, либо отправьте его по почте.</source>
        <translation>File {name} ({size}) is larger than the support server takes ({limit}). Nothing was sent. Collect the archive again in volumes of at most {limit} (the &quot;volume size&quot; option) or without the database, or send it by e-mail.</translation>
    </message>
    <message>
        <source>Сервер поддержки не принял данные (смещение {offset}).</source>
        <translation>The support server did not accept the data (offset {offset}).</translation>
    </message>
    <message>
        <source>Программа Market.exe</source>
        <translation>The program Market.exe</translation>
    </message>
    <message>
        <source>Настройки Configs\*.json</source>
        <translation>Settings Configs\*.json</translation>
    </message>
    <message>
        <source>Журналы за неделю</source>
        <translation>A week of logs</translation>
    </message>
    <message>
        <source>Автоматические резервные копии</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <source>Реестр registry.reg</source>
        <translation>Registry registry.reg</translation>
    </message>
    <message>
        <source>Папка {path} не пуста и не является демо-установкой: выберите пустую папку.</source>
        <translation>The folder {path} is not empty and is not a demo installation: choose an empty folder.</translation>
    </message>
    <message>
        <source>База данных Firebird main.fdb</source>
        <translation>Firebird database main.fdb</translation>
    </message>
    <message>
        <source>Черновик обращения от {when}</source>
        <translation>Draft request of {when}</translation>
    </message>
    <message>
        <source>Черновик обращения от {when}: «{first}»</source>
        <translation>Draft request of {when}: &quot;{first}&quot;</translation>
    </message>
    <message>
        <source>Не удалось прочитать черновик {path}: {error}</source>
        <translation>Could not read the draft {path}: {error}</translation>
    </message>
    <message>
        <source>Черновик обращения повреждён и не может быть восстановлен; файл сохранён как {path}.</source>
        <translation>The draft request is damaged and cannot be restored; the file was kept as {path}.</translation>
    </message>
    <message>
        <source>Не удалось сохранить черновик обращения в {path}: {error}. Текст пока остаётся в окне — не закрывайте его.</source>
        <translation>Could not save the draft request to {path}: {error}. The text is still in the window — do not close it.</translation>
    </message>
    <message>
        <source>скопирован из программы (буфер обмена)</source>
        <translation>copied from the program (clipboard)</translation>
    </message>
    <message>
        <source>записан программой в журнал trace.log при запуске</source>
        <translation>written by the program to trace.log at its start</translation>
    </message>
    <message>
        <source>папка резервных копий из настроек программы (DataBase.json → BackUp.Path)</source>
        <translation>the backup folder from the program&apos;s settings (DataBase.json → BackUp.Path)</translation>
    </message>
    <message>
        <source>папка резервных копий в «Документах» пользователя</source>
        <translation>the backup folder in the user&apos;s &quot;Documents&quot;</translation>
    </message>
    <message>
        <source>{value} — {where}</source>
        <translation>{value} — {where}</translation>
    </message>
    <message>
        <source>4. Вернитесь в сборщик: скопированный ID появится здесь сам, вводить его не нужно.</source>
        <translation>4. Come back to the collector: the copied ID appears here by itself, there is nothing to type.</translation>
    </message>
    <message>
        <source>Не переписывайте ID вручную и не диктуйте его по телефону: в 99% случаев это приводит к ошибкам. В крайнем случае сфотографируйте окно так, чтобы были видны полностью и GBS.ID, и QR-код рядом с ним: фото только с ID, без QR-кода, поддержка не обрабатывает.</source>
        <translation>Do not retype the ID or dictate it over the phone: 99% of the time that leads to mistakes. At worst photograph the window so that the whole GBS.ID and the QR code next to it are visible: support does not process photos with the ID alone, without the QR code.</translation>
    </message>
    <message>
        <source>Не удалось построить QR-код для {value}: {error}</source>
        <translation>Could not build the QR code for {value}: {error}</translation>
    </message>
    <message>
        <source>папка резервных копий из настроек программы</source>
        <translation>the backup folder from the program&apos;s settings</translation>
    </message>
    <message>
        <source>{kind}: {path} ({count} шт., последняя {when})</source>
        <translation>{kind}: {path} ({count} backups, the last on {when})</translation>
    </message>
    <message>
        <source>{kind}: {path} (копий в ней нет)</source>
        <translation>{kind}: {path} (no backups in it)</translation>
    </message>
    <message>
        <source>Где искали:</source>
        <translation>Where we looked:</translation>
    </message>
    <message>
        <source>Неверный GBS.ID: {reason}</source>
        <translation>Wrong GBS.ID: {reason}</translation>
    </message>
    <message>
        <source>скопирован из программы в буфер обмена</source>
        <translation>copied from the program to the clipboard</translation>
    </message>
    <message>
        <source>папка резервных копий пользователя {user}</source>
        <translation>the backup folder of user {user}</translation>
    </message>
    <message>
        <source>папка резервных копий в «Документах»</source>
        <translation>the backup folder in &quot;Documents&quot;</translation>
    </message>
    <message>
        <source>Не удалось записать файлы GBS.ID в {path}: {error}</source>
        <translation>Could not write the GBS.ID files to {path}: {error}</translation>
    </message>
    <message>
        <source>{whole},{tenth} ГБ</source>
        <translation>{whole}.{tenth} GB</translation>
    </message>
    <message>
        <source>{whole},{tenth} КБ</source>
        <translation>{whole}.{tenth} KB</translation>
    </message>
    <message>
        <source>{whole},{tenth} МБ</source>
        <translation>{whole}.{tenth} MB</translation>
    </message>
    <message>
        <source>{name} (партнёрская сборка GBS.Market)</source>
        <translation>{name} (a partner build of GBS.Market)</translation>
    </message>
    <message>
        <source>ключ программы HKCU\Software\F-Lab\GBS.Market\{majors} есть</source>
        <translation>the program key HKCU\Software\F-Lab\GBS.Market\{majors} exists</translation>
    </message>
    <message>
        <source>{path} (PID {pid})</source>
        <translation>{path} (PID {pid})</translation>
    </message>
    <message>
        <source>GBS.Market 5 (старая версия: собрать можно, но поддержка попросит обновиться)</source>
        <translation>GBS.Market 5 (an old version: it can be collected, but support will ask you to update)</translation>
    </message>
    <message>
        <source>Папка данных {path} не найдена: журналы и настройки собрать не получится</source>
        <translation>The data folder {path} was not found: logs and settings cannot be collected</translation>
    </message>
    <message>
        <source>Файл базы данных {path} не найден</source>
        <translation>The database file {path} was not found</translation>
    </message>
    <message>
        <source>{version} из {file}</source>
        <translation>{version} from {file}</translation>
    </message>
    <message>
        <source>«{name}» → {path}</source>
        <translation>&quot;{name}&quot; → {path}</translation>
    </message>
    <message>
        <source>в {path} программы нет</source>
        <translation>the program is not in {path}</translation>
    </message>
    <message>
        <source>Market.exe (PID {pid}), путь недоступен</source>
        <translation>Market.exe (PID {pid}), path not available</translation>
    </message>
    <message>
        <source>Market.exe сейчас не запущен</source>
        <translation>Market.exe is not running now</translation>
    </message>
    <message>
        <source>Файл {path} не найден</source>
        <translation>File {path} was not found</translation>
    </message>
    <message>
        <source>список процессов недоступен: {e}</source>
        <translation>the process list is not available: {e}</translation>
    </message>
    <message>
        <source>У {name} нет сведений о версии; версия будет взята из журналов</source>
        <translation>{name} carries no version information; the version will be taken from the logs</translation>
    </message>
    <message>
        <source>в {name} нет DataPath</source>
        <translation>no DataPath in {name}</translation>
    </message>
    <message>
        <source>Настройки базы данных не прочитаны ({error}); база ищется в папке данных.</source>
        <translation>The database settings could not be read ({error}); the database is looked for in the data folder.</translation>
    </message>
    <message>
        <source>в журналах версия не записана</source>
        <translation>the logs do not record the version</translation>
    </message>
    <message>
        <source>Журналы за {date} программа уже удалила: папки журналов она хранит {days} дней, журналы «Честного знака» — {crpt_days} дней.</source>
        <translation>The program has already deleted the logs of {date}: it keeps log folders for {days} days and the Chestny ZNAK (CRPT) logs for {crpt_days} days.</translation>
    </message>
    <message>
        <source>Журналы за {date} программа уже удалила: папки журналов она хранит {days} дней и удаляет более старые при запуске. Остался только журнал «Честного знака» (CRPT): он хранится {crpt_days} дней.</source>
        <translation>The program has already deleted the logs of {date}: it keeps log folders for {days} days and deletes older ones when it starts. Only the Chestny ZNAK (CRPT) log is left: it is kept for {crpt_days} days.</translation>
    </message>
    <message>
        <source>Журналы за {date} программа уже удалила: папки журналов она хранит {days} дней и удаляет более старые при запуске.</source>
        <translation>The program has already deleted the logs of {date}: it keeps log folders for {days} days and deletes older ones when it starts.</translation>
    </message>
    <message>
        <source>файл не прочитан: {error}</source>
        <translation>the file could not be read: {error}</translation>
    </message>
    <message>
        <source>файл больше {cap}: оставлены начало и конец, вырезано {cut}{span}, в том числе ошибок: {errors}</source>
        <translation>the file is larger than {cap}: its start and end are kept, {cut}{span} was cut, including errors: {errors}</translation>
    </message>
    <message>
        <source>{n} байт</source>
        <translation>{n} bytes</translation>
    </message>
    <message>
        <source>файл занят другой программой и не даёт себя читать; закройте её и повторите</source>
        <translation>the file is held by another program that does not let it be read; close that program and try again</translation>
    </message>
    <message>
        <source>это не обычный файл (канал или устройство) — пропущен</source>
        <translation>not a regular file (a pipe or a device) — skipped</translation>
    </message>
    <message>
        <source>нет доступа к файлу; запустите сборщик от имени администратора</source>
        <translation>no access to the file; run the collector as administrator</translation>
    </message>
    <message>
        <source>файл исчез во время чтения (программа его переименовала или удалила)</source>
        <translation>the file vanished while being read (the program renamed or deleted it)</translation>
    </message>
    <message>
        <source>ссылка зациклена (указывает сама на себя)</source>
        <translation>the link loops (points to itself)</translation>
    </message>
    <message>
        <source>это папка, а не файл</source>
        <translation>this is a folder, not a file</translation>
    </message>
    <message>
        <source>За {date} журналов нет (папки {path} нет): в этот день программа не запускалась или журналы уже удалены. Ближайшие дни с журналами: {days}.</source>
        <translation>There are no logs for {date} (no folder {path}): the program did not run that day, or the logs were deleted. The nearest days with logs: {days}.</translation>
    </message>
    <message>
        <source>; все ошибки дня есть в error.log</source>
        <translation>; all errors of the day are in error.log</translation>
    </message>
    <message>
        <source>файл больше {cap}, поэтому вырезана середина: {cut}{span}; в ней ошибок ERROR: {errors}, FATAL: {fatals}{hint}. Исходный размер {size}.</source>
        <translation>the file is larger than {cap}, so its middle was cut: {cut}{span}; it held ERROR entries: {errors}, FATAL: {fatals}{hint}. Original size {size}.</translation>
    </message>
    <message>
        <source>Число дней должно быть не меньше 1</source>
        <translation>The number of days must be at least 1</translation>
    </message>
    <message>
        <source>Папка журналов {path} не найдена: программа ещё не запускалась на этом компьютере, или журналы удалены.</source>
        <translation>The logs folder {path} was not found: the program has not run on this computer yet, or the logs were deleted.</translation>
    </message>
    <message>
        <source>Есть журналы с датами позже сегодняшней ({days}): часы компьютера были переведены неверно.</source>
        <translation>There are logs dated after today ({days}): the computer&apos;s clock was set wrong at some point.</translation>
    </message>
    <message>
        <source>Дни вокруг выбранного: от 0 до {max}</source>
        <translation>Days around the chosen one: from 0 to {max}</translation>
    </message>
    <message>
        <source>Предел размера файла слишком мал: нужно не меньше {min}</source>
        <translation>The file size limit is too small: at least {min} is needed</translation>
    </message>
    <message>
        <source>{path} не включён: {reason}</source>
        <translation>{path} not included: {reason}</translation>
    </message>
    <message>
        <source>Папка за {date} пуста.</source>
        <translation>The folder for {date} is empty.</translation>
    </message>
    <message>
        <source>В папке журналов {path} нет ни одного дня.</source>
        <translation>The logs folder {path} holds no days.</translation>
    </message>
    <message>
        <source>пропущено {entries} вне выбранного времени{span}, {size}</source>
        <translation>{entries} outside the chosen time were left out{span}, {size}</translation>
    </message>
    <message>
        <source>пропущено {size} вне выбранного времени</source>
        <translation>{size} outside the chosen time were left out</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <source>ссылка ведёт на несуществующий файл</source>
        <translation>the link points to a file that does not exist</translation>
    </message>
    <message>
        <source>ссылка на папку не открывается (защита от зацикливания)</source>
        <translation>the link to a folder is not followed (loop protection)</translation>
    </message>
    <message>
        <source>Файл {path} заменён новым после проверки (программа начала новый журнал); выберите журналы заново.</source>
        <translation>File {path} was replaced after the check (the program started a new log); choose the logs again.</translation>
    </message>
    <message>
        <source>Файл {path} стал короче после проверки ({was} → {now}); выберите журналы заново.</source>
        <translation>File {path} got shorter after the check ({was} → {now}); choose the logs again.</translation>
    </message>
    <message>
        <source>За {date} журналов нет.</source>
        <translation>There are no logs for {date}.</translation>
    </message>
    <message>
        <source>В папке журналов есть «{name}» — похоже на журналы за {date}, но программа так не называет свои папки (это копия?). Она не включена.</source>
        <translation>The logs folder holds &quot;{name}&quot; — it looks like the logs of {date}, but the program does not name its folders so (a copy?). It was not included.</translation>
    </message>
    <message>
        <source>пустой файл (0 байт): программа ещё ничего в него не записала</source>
        <translation>an empty file (0 bytes): the program has not written anything into it yet</translation>
    </message>
    <message>
        <source>файл дописывается программой прямо сейчас: взято {size} на момент чтения</source>
        <translation>the program is writing to the file right now: {size} taken as of reading</translation>
    </message>
    <message>
        <source>последняя запись не дописана: программа писала в файл в момент чтения</source>
        <translation>the last entry is unfinished: the program was writing to the file while it was read</translation>
    </message>
    <message>
        <source>ссылка ведёт за пределы папки журналов ({target}) — не включена</source>
        <translation>the link points outside the logs folder ({target}) — not included</translation>
    </message>
    <message>
        <source>нет доступа к папке; запустите сборщик от имени администратора</source>
        <translation>no access to the folder; run the collector as administrator</translation>
    </message>
    <message>
        <source>Файл {path} не удалось открыть снова: {reason}</source>
        <translation>File {path} could not be opened again: {reason}</translation>
    </message>
    <message>
        <source>Файл {path} стал короче во время упаковки; выберите журналы заново.</source>
        <translation>File {path} got shorter while being packed; choose the logs again.</translation>
    </message>
    <message>
        <source>файл стал короче во время чтения</source>
        <translation>the file got shorter while being read</translation>
    </message>
    <message>
        <source>оставлены записи с {start} по {end}: {kept} из {size}</source>
        <translation>entries from {start} to {end} kept: {kept} of {size}</translation>
    </message>
    <message>
        <source>в выбранное время записей нет; оставлен только заголовок ({kept})</source>
        <translation>no entries in the chosen time; only the header is kept ({kept})</translation>
    </message>
    <message>
        <source>вложенная папка пропущена: слишком глубоко или по кругу</source>
        <translation>a nested folder was skipped: too deep, or a loop</translation>
    </message>
    <message>
        <source>автоматическая резервная копия базы, сделанная программой</source>
        <translation>the program&apos;s own automatic database backup</translation>
    </message>
    <message>
        <source>{product}, версия {version}</source>
        <translation>{product}, version {version}</translation>
    </message>
    <message>
        <source>{value} ({where})</source>
        <translation>{value} ({where})</translation>
    </message>
    <message>
        <source>GBS.Market не найдена</source>
        <translation>GBS.Market not found</translation>
    </message>
    <message>
        <source>не определена</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Папка настроек {path} не найдена</source>
        <translation>The settings folder {path} was not found</translation>
    </message>
    <message>
        <source>не добавлены</source>
        <translation>none added</translation>
    </message>
    <message>
        <source>Не всё прочитано: {parts}</source>
        <translation>Not everything could be read: {parts}</translation>
    </message>
    <message>
        <source>В обращении есть замечания: {list}</source>
        <translation>The request has remarks: {list}</translation>
    </message>
    <message>
        <source>База данных не запрошена</source>
        <translation>The database was not asked for</translation>
    </message>
    <message>
        <source>Настройки базы данных не найдены</source>
        <translation>The database settings were not found</translation>
    </message>
    <message>
        <source>Вместо неё приложена автоматическая копия программы от {when} ({age}).</source>
        <translation>The program&apos;s automatic copy of {when} ({age}) was included instead.</translation>
    </message>
    <message>
        <source>найдены и другие: {ids}</source>
        <translation>others found too: {ids}</translation>
    </message>
    <message>
        <source>Журналов за {day} нет</source>
        <translation>No logs for {day}</translation>
    </message>
    <message>
        <source>изменились во время сбора и пропущены: {files}</source>
        <translation>changed while collecting and were skipped: {files}</translation>
    </message>
    <message>
        <source>Исключено при просмотре</source>
        <translation>Left out at the review</translation>
    </message>
    <message>
        <source>Есть автоматическая копия программы от {when} ({age}); её можно приложить (параметр --db-fallback или кнопка в окне).</source>
        <translation>There is an automatic copy made by the program on {when} ({age}); it can be included (the --db-fallback option or the button in the window).</translation>
    </message>
    <message>
        <source>выбран пользователем</source>
        <translation>chosen by the user</translation>
    </message>
    <message>
        <source>Ближайшие дни с журналами: {days}.</source>
        <translation>Nearest days with logs: {days}.</translation>
    </message>
    <message>
        <source>архив, который программа сделала из журнала прошлого дня: взят как есть ({name} внутри)</source>
        <translation>the archive the program made of a past day&apos;s log: taken as it is ({name} inside)</translation>
    </message>
    <message>
        <source>За {date} нет папки журналов {path}, есть только журнал «Честного знака» (CRPT).</source>
        <translation>There is no log folder {path} for {date}, only the Chestny ZNAK (CRPT) log.</translation>
    </message>
    <message>
        <source>{name} не прочитан ({error})</source>
        <translation>{name} was not read ({error})</translation>
    </message>
    <message>
        <source>Обращение и GBS.ID</source>
        <translation>Request and GBS.ID</translation>
    </message>
    <message>
        <source>Журналы программы</source>
        <translation>The program&apos;s logs</translation>
    </message>
    <message>
        <source>База данных</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Настройки программы (секреты скрыты)</source>
        <translation>The program&apos;s settings (secrets hidden)</translation>
    </message>
    <message>
        <source>Ваши файлы</source>
        <translation>Your files</translation>
    </message>
    <message>
        <source>резервная копия из файла {size}</source>
        <translation>a backup of a {size} file</translation>
    </message>
    <message>
        <source>{h} ч {m} мин</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>; займёт около {time} — программой можно пользоваться</source>
        <translation>; takes about {time} — the program can be used meanwhile</translation>
    </message>
    <message>
        <source>Что войдёт в архив:</source>
        <translation>What goes into the archive:</translation>
    </message>
    <message>
        <source>Итого: {total} до сжатия, архив около {archive}, время около {time}.</source>
        <translation>Total: {total} before compression, the archive about {archive}, time about {time}.</translation>
    </message>
    <message>
        <source>Исключить файл или папку: --exclude ПУТЬ (например --exclude config).</source>
        <translation>To leave out a file or folder: --exclude PATH (e.g. --exclude config).</translation>
    </message>
    <message>
        <source>{n} с</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} мин</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>архив</source>
        <translation>archive</translation>
    </message>
    <message>
        <source>, например {folder} (свободно {free})</source>
        <translation>, for example {folder} ({free} free)</translation>
    </message>
    <message>
        <source>База данных находится на другом компьютере (сетевое подключение): её копию нужно сделать там.</source>
        <translation>The database is on another computer (a network connection): the copy has to be made there.</translation>
    </message>
    <message>
        <source>Мало места в папке {folder} ({purpose}): нужно около {need}, свободно {free}. Выберите другую папку{hint}.</source>
        <translation>Little space in the folder {folder} ({purpose}): about {need} needed, {free} free. Choose another folder{hint}.</translation>
    </message>
    <message>
        <source>временная копия базы</source>
        <translation>a temporary copy of the database</translation>
    </message>
    <message>
        <source>Место в {folder} ({purpose}): нужно {need}, свободно {free}</source>
        <translation>Space in {folder} ({purpose}): {need} needed, {free} free</translation>
    </message>
    <message>
        <source>Адрес e-mail не распознан. Пример: shop@mail.ru</source>
        <translation>The e-mail address is not recognised. Example: shop@mail.ru</translation>
    </message>
    <message>
        <source>Номер телефона не распознан. Пример: +7 912 345-67-89 или 8 912 345-67-89</source>
        <translation>The phone number is not recognised. Example: +7 912 345-67-89 or 8 912 345-67-89</translation>
    </message>
    <message>
        <source>Имя пользователя Telegram не может оканчиваться на «_» или содержать «__».</source>
        <translation>A Telegram user name cannot end with &quot;_&quot; or contain &quot;__&quot;.</translation>
    </message>
    <message>
        <source>Ситуация связана с данными ({what}): поддержке может понадобиться база данных, чтобы воспроизвести её у себя.</source>
        <translation>The situation involves data ({what}): support may need the database to reproduce it.</translation>
    </message>
    <message>
        <source>В адресе e-mail нет «@». Пример: shop@mail.ru</source>
        <translation>The e-mail address has no &quot;@&quot;. Example: shop@mail.ru</translation>
    </message>
    <message>
        <source>В адресе e-mail должен быть один знак «@». Если адресов несколько, укажите один.</source>
        <translation>An e-mail address has exactly one &quot;@&quot;. If you have several addresses, give one.</translation>
    </message>
    <message>
        <source>В адресе e-mail не должно быть пробелов.</source>
        <translation>An e-mail address has no spaces.</translation>
    </message>
    <message>
        <source>В адресе e-mail запятая вместо точки? Пример: shop@mail.ru</source>
        <translation>A comma instead of a dot in the e-mail address? Example: shop@mail.ru</translation>
    </message>
    <message>
        <source>После «@» нужен домен с точкой, например mail.ru или gmail.com.</source>
        <translation>After &quot;@&quot; a domain with a dot is needed, e.g. mail.ru or gmail.com.</translation>
    </message>
    <message>
        <source>В номере телефона только цифры, пробелы, скобки и дефисы (без добавочного и пояснений). Пример: +7 912 345-67-89</source>
        <translation>A phone number has only digits, spaces, brackets and dashes (no extension or notes). Example: +7 912 345-67-89</translation>
    </message>
    <message>
        <source>Номер начинается с «+8»: укажите его как +7… или 8… без плюса. Пример: +7 912 345-67-89</source>
        <translation>The number starts with &quot;+8&quot;: give it as +7… or 8… without the plus. Example: +7 912 345-67-89</translation>
    </message>
    <message>
        <source>В номере телефона не хватает цифр ({n}, а нужно 10 после +7). Пример: +7 912 345-67-89</source>
        <translation>The phone number is missing digits ({n}, but 10 are needed after +7). Example: +7 912 345-67-89</translation>
    </message>
    <message>
        <source>Имя пользователя Telegram пишется латиницей (например, @gbs_shop).</source>
        <translation>A Telegram user name is written in Latin letters (e.g. @gbs_shop).</translation>
    </message>
    <message>
        <source>В имени пользователя Telegram не бывает пробелов (например, @gbs_shop).</source>
        <translation>A Telegram user name has no spaces (e.g. @gbs_shop).</translation>
    </message>
    <message>
        <source>В имени пользователя Telegram только латинские буквы, цифры и «_».</source>
        <translation>A Telegram user name has only Latin letters, digits and &quot;_&quot;.</translation>
    </message>
    <message>
        <source>Имя пользователя Telegram не короче 5 символов (например, @gbs_shop).</source>
        <translation>A Telegram user name has at least 5 characters (e.g. @gbs_shop).</translation>
    </message>
    <message>
        <source>Имя пользователя Telegram не длиннее 32 символов.</source>
        <translation>A Telegram user name has at most 32 characters.</translation>
    </message>
    <message>
        <source>Имя пользователя Telegram начинается с латинской буквы.</source>
        <translation>A Telegram user name starts with a Latin letter.</translation>
    </message>
    <message>
        <source>Перед обращением поищите ответ в базе знаний на сайте {site}: часто так быстрее.</source>
        <translation>Before writing, look for the answer in the knowledge base on {site}: it is often faster.</translation>
    </message>
    <message>
        <source>Отправляйте обращение одним способом: дублирование по почте, в мессенджерах и соцсетях не ускорит ответ. Пишите в официальные каналы поддержки, а не в личные сообщения сотрудникам: такие обращения не считаются официальными, и ответ на них не гарантирован.</source>
        <translation>Send the request one way only: repeating it by e-mail, messengers and social networks does not speed up the answer. Write to the official support channels, not to employees privately: such requests are not official and an answer is not guaranteed.</translation>
    </message>
    <message>
        <source>Тема: {topic}</source>
        <translation>Topic: {topic}</translation>
    </message>
    <message>
        <source>Версия программы: {version}</source>
        <translation>Program version: {version}</translation>
    </message>
    <message>
        <source>GBS.ID: {value}</source>
        <translation>GBS.ID: {value}</translation>
    </message>
    <message>
        <source>Контакты для ответа:</source>
        <translation>Contacts for the answer:</translation>
    </message>
    <message>
        <source>Приложено:</source>
        <translation>Attached:</translation>
    </message>
    <message>
        <source>сведения о компьютере (system.json)</source>
        <translation>computer details (system.json)</translation>
    </message>
    <message>
        <source>Файл формы обращения содержит ошибки:
{problems}</source>
        <translation>The request form file has errors:
{problems}</translation>
    </message>
    <message>
        <source>Выберите тему обращения: {topics}. В одном обращении — одна тема: технические специалисты не решают вопросы оплаты или партнёрства.</source>
        <translation>Choose the topic of the request: {topics}. One topic per request: technical staff do not handle payment or partnership questions.</translation>
    </message>
    <message>
        <source>Дата {date} ещё не наступила. Укажите день, когда появилась ошибка.</source>
        <translation>The date {date} has not come yet. Give the day the error appeared.</translation>
    </message>
    <message>
        <source> Журналы есть, например, за {days}.</source>
        <translation> There are logs for {days}, for example.</translation>
    </message>
    <message>
        <source> Журналов программы на этом компьютере нет совсем.</source>
        <translation> There are no program logs on this computer at all.</translation>
    </message>
    <message>
        <source>За {date} журналов работы программы нет — поддержке нечего будет посмотреть. Проверьте дату: нужен день, когда появилась ошибка.{hint}</source>
        <translation>There are no program logs for {date} — support would have nothing to look at. Check the date: the day the error appeared is needed.{hint}</translation>
    </message>
    <message>
        <source>Напишите вопрос: что случилось, что вы делали и что ожидали увидеть.</source>
        <translation>Write your question: what happened, what you were doing and what you expected to see.</translation>
    </message>
    <message>
        <source>В обращении {n} вопросов. Если вопросы большие, пришлите их отдельными обращениями — так на каждый ответят быстрее и подробнее.</source>
        <translation>The request holds {n} questions. If they are large, send them as separate requests — each gets a faster and fuller answer.</translation>
    </message>
    <message>
        <source>Вопросы вместе занимают {n} знаков. Если каждый вопрос достаточно большой, пришлите их отдельными обращениями.</source>
        <translation>The questions take {n} characters together. If each of them is large, send them as separate requests.</translation>
    </message>
    <message>
        <source>Отмеченные признаки относятся к теме «{errors}». Если вопрос о них — отправьте его отдельным обращением с этой темой.</source>
        <translation>The ticked signs belong to the topic &quot;{errors}&quot;. If your question is about them, send it as a separate request with that topic.</translation>
    </message>
    <message>
        <source>Ситуация связана с данными ({what}): поддержке может понадобиться база данных, чтобы воспроизвести её у себя. Рекомендуем приложить резервную копию базы.</source>
        <translation>The situation involves data ({what}): support may need the database to reproduce it. We recommend including a database copy.</translation>
    </message>
    <message>
        <source>Этот компьютер подключён к базе данных на другом компьютере. Чтобы приложить базу, запустите сборщик на компьютере, где она находится.</source>
        <translation>This computer uses a database on another computer. To include the database, run the collector on the computer where it is.</translation>
    </message>
    <message>
        <source>Номер предыдущего обращения — это номер или код из ответа поддержки (например, 12345), без пробелов и пояснений.</source>
        <translation>The number of the earlier request is the number or code from the support&apos;s answer (e.g. 12345), without spaces or notes.</translation>
    </message>
    <message>
        <source> (код {code})</source>
        <translation> (code {code})</translation>
    </message>
    <message>
        <source>Вы уже отправляли обращение на эту тему {when}{code}. Дублирование обращений не ускорит ответ, а только запутает. Если ответа долго нет — позвоните в поддержку или напишите ещё раз, указав номер предыдущего обращения.</source>
        <translation>You already sent a request on this topic on {when}{code}. Repeating requests does not speed up the answer, it only confuses. If no answer comes for a long time, call support or write again quoting the earlier request&apos;s number.</translation>
    </message>
    <message>
        <source>Укажите, куда ответить: e-mail, телефон или Telegram.</source>
        <translation>Say where to answer: e-mail, phone or Telegram.</translation>
    </message>
    <message>
        <source>Имя слишком длинное: достаточно имени и, если нужно, названия магазина.</source>
        <translation>The name is too long: a name and, if needed, the shop&apos;s name are enough.</translation>
    </message>
    <message>
        <source>Похоже, «{label}». Отметьте этот признак — к обращению приложится резервная копия базы данных, чтобы поддержка смогла воспроизвести ситуацию.</source>
        <translation>It looks like &quot;{label}&quot;. Tick this sign — a database copy will be included so that support can reproduce the situation.</translation>
    </message>
    <message>
        <source>Вопрос об оплате: приложите чек об оплате и напишите, когда оплачивали (дату и время).</source>
        <translation>A payment question: attach the payment receipt and write when you paid (date and time).</translation>
    </message>
    <message>
        <source>GBS.ID и QR-код уже добавляются к обращению автоматически (gbs_id.txt и gbs_id_qr.png). Если на приложенном фото GBS.ID — фото только с ID, без QR-кода, поддержка не обрабатывает.</source>
        <translation>The GBS.ID and its QR code are added to the request automatically (gbs_id.txt and gbs_id_qr.png). If your photo shows a GBS.ID: support does not process photos with the ID alone, without the QR code.</translation>
    </message>
    <message>
        <source>Ответьте на все вопросы поддержки из её последнего сообщения — каждый отдельным пунктом и полностью.</source>
        <translation>Answer every question of the support&apos;s last message — each as its own item, in full.</translation>
    </message>
    <message>
        <source>Дата проблемы: {date}</source>
        <translation>Date of the problem: {date}</translation>
    </message>
    <message>
        <source>Вопросы:</source>
        <translation>Questions:</translation>
    </message>
    <message>
        <source>Вопрос:</source>
        <translation>Question:</translation>
    </message>
    <message>
        <source>(вопрос не написан)</source>
        <translation>(no question written)</translation>
    </message>
    <message>
        <source>Что наблюдается: {what}.</source>
        <translation>What is observed: {what}.</translation>
    </message>
    <message>
        <source>Номер предыдущего обращения: {number}</source>
        <translation>Number of the earlier request: {number}</translation>
    </message>
    <message>
        <source>Имя: {value}</source>
        <translation>Name: {value}</translation>
    </message>
    <message>
        <source>E-mail: {value}</source>
        <translation>E-mail: {value}</translation>
    </message>
    <message>
        <source>Телефон: {value}</source>
        <translation>Phone: {value}</translation>
    </message>
    <message>
        <source>Telegram: {value}</source>
        <translation>Telegram: {value}</translation>
    </message>
    <message>
        <source>не указаны</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>ничего</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>Неизвестная настройка «{key}». Допустимы: {keys}.</source>
        <translation>Unknown setting &quot;{key}&quot;. Allowed: {keys}.</translation>
    </message>
    <message>
        <source>Настройка {key}: значение «{value}» не подходит.</source>
        <translation>Setting {key}: the value &quot;{value}&quot; does not fit.</translation>
    </message>
    <message>
        <source>журналы работы программы за {day}</source>
        <translation>the program&apos;s logs for {day}</translation>
    </message>
    <message>
        <source>резервная копия базы данных</source>
        <translation>a database backup</translation>
    </message>
    <message>
        <source>GBS.ID в текстовом виде и QR-код (gbs_id.txt, gbs_id_qr.png)</source>
        <translation>the GBS.ID as text and its QR code (gbs_id.txt, gbs_id_qr.png)</translation>
    </message>
    <message>
        <source>журнал обмена с «Честным знаком» за {day}</source>
        <translation>the &quot;Chestny ZNAK&quot; exchange log for {day}</translation>
    </message>
    <message>
        <source>файл пользователя: {name}</source>
        <translation>the user&apos;s file: {name}</translation>
    </message>
    <message>
        <source>Поле {key} должно быть строкой.</source>
        <translation>The field {key} must be a string.</translation>
    </message>
    <message>
        <source>Поле {key} должно быть списком строк.</source>
        <translation>The field {key} must be a list of strings.</translation>
    </message>
    <message>
        <source>Поле contact должно быть объектом.</source>
        <translation>The field contact must be an object.</translation>
    </message>
    <message>
        <source>Поле include_database должно быть true или false.</source>
        <translation>The field include_database must be true or false.</translation>
    </message>
    <message>
        <source>Неизвестная тема «{topic}». Допустимы: {topics}.</source>
        <translation>Unknown topic &quot;{topic}&quot;. Allowed: {topics}.</translation>
    </message>
    <message>
        <source>, последняя — {latest}</source>
        <translation>, the latest is {latest}</translation>
    </message>
    <message>
        <source>Версия {version} устарела{latest}. Поддержка просит сначала обновить программу по инструкции: от версии к версии программа меняется, и проблема может быть уже исправлена. Отправить обращение можно и сейчас.</source>
        <translation>Version {version} is out of date{latest}. Support asks you to update the program first, following the instructions: the program changes from version to version, and the problem may already be fixed. You can still send the request now.</translation>
    </message>
    <message>
        <source>Укажите дату, когда появилась ошибка: поддержке нужны журналы работы программы (логи) именно за этот день.</source>
        <translation>Give the date the error appeared: support needs the program&apos;s logs of exactly that day.</translation>
    </message>
    <message>
        <source>С {date} прошло больше {days} дней: журналы за тот день могли уже удалиться.</source>
        <translation>More than {days} days have passed since {date}: the logs of that day may already be deleted.</translation>
    </message>
    <message>
        <source>Вопрос {n} повторяет вопрос {m}.</source>
        <translation>Question {n} repeats question {m}.</translation>
    </message>
    <message>
        <source>Ответ «{text}» не помогает разобраться. Пожалуйста, ответьте на все вопросы поддержки полностью, например: «Оплату произвёл 01-05-2022 в 10:00. Чек во вложении. Сейчас пишет, что срок истёк».</source>
        <translation>The answer &quot;{text}&quot; does not help. Please answer every question of support in full, for example: &quot;I paid on 01-05-2022 at 10:00. The receipt is attached. Now it says the licence has expired&quot;.</translation>
    </message>
    <message>
        <source>«{text}» — это не вопрос. Опишите, что случилось, что вы делали и что ожидали увидеть.</source>
        <translation>&quot;{text}&quot; is not a question. Describe what happened, what you were doing and what you expected to see.</translation>
    </message>
    <message>
        <source>Вопрос {n} очень короткий. Опишите подробнее: что делали, что ожидали и что получилось.</source>
        <translation>Question {n} is very short. Describe in more detail: what you did, what you expected and what happened.</translation>
    </message>
    <message>
        <source>Вопрос {n} большой ({chars} знаков). Большие вопросы лучше присылать отдельными обращениями.</source>
        <translation>Question {n} is large ({chars} characters). Large questions are better sent as separate requests.</translation>
    </message>
    <message>
        <source>Похоже, в пункте {n} несколько вопросов. Разделите их на отдельные пункты — поддержка ответит на каждый.</source>
        <translation>Item {n} seems to hold several questions. Split them into separate items — support answers each one.</translation>
    </message>
    <message>
        <source>Неизвестный признак «{value}». Допустимы: {allowed}.</source>
        <translation>Unknown sign &quot;{value}&quot;. Allowed: {allowed}.</translation>
    </message>
    <message>
        <source>Файл «{name}» приложен дважды.</source>
        <translation>The file &quot;{name}&quot; is attached twice.</translation>
    </message>
    <message>
        <source>«{name}» — звукозапись. Голосовые сообщения поддержка не принимает: не все сотрудники могут прослушать запись так, чтобы её не слышали посторонние, а если к обращению подключаются коллеги, слушать её придётся каждому — ответ задержится. Изложите вопрос письменно, а если нужно поговорить голосом — позвоните в поддержку.</source>
        <translation>&quot;{name}&quot; is a sound recording. Support does not take voice messages: not every employee can listen to a recording without others hearing it, and when colleagues join in, each has to listen to it — the answer gets delayed. Write your question down, and if you need to talk, call support.</translation>
    </message>
    <message>
        <source>Файл «{name}» большой ({mb} МБ): отправка займёт время. Если это видео, достаточно короткого фрагмента.</source>
        <translation>The file &quot;{name}&quot; is large ({mb} MB): sending it takes time. If it is a video, a short clip is enough.</translation>
    </message>
    <message>
        <source>(версия не определена)</source>
        <translation>(version unknown)</translation>
    </message>
    <message>
        <source>Писать «у меня последняя версия» не нужно: точная версия программы ({version}) будет указана в обращении автоматически.</source>
        <translation>No need to write &quot;I have the latest version&quot;: the exact program version ({version}) goes into the request automatically.</translation>
    </message>
    <message>
        <source> — устарела, последняя {latest}</source>
        <translation> — out of date, the latest is {latest}</translation>
    </message>
    <message>
        <source> — устарела</source>
        <translation> — out of date</translation>
    </message>
    <message>
        <source>Дата проблемы: не указана</source>
        <translation>Date of the problem: not given</translation>
    </message>
    <message>
        <source>Файл формы {path} не найден.</source>
        <translation>The form file {path} was not found.</translation>
    </message>
    <message>
        <source>Не удалось прочитать {path}: {error}</source>
        <translation>Could not read {path}: {error}</translation>
    </message>
    <message>
        <source>Файл {path} — не JSON: {error}</source>
        <translation>The file {path} is not JSON: {error}</translation>
    </message>
    <message>
        <source>Форма обращения должна быть объектом JSON.</source>
        <translation>The request form must be a JSON object.</translation>
    </message>
    <message>
        <source>Неизвестное поле «{key}» — его содержимое не попадёт в обращение.</source>
        <translation>Unknown field &quot;{key}&quot; — its content does not go into the request.</translation>
    </message>
    <message>
        <source>Дата «{value}» не распознана: нужна дата вида ГГГГ-ММ-ДД.</source>
        <translation>The date &quot;{value}&quot; is not recognised: a date like YYYY-MM-DD is needed.</translation>
    </message>
    <message>
        <source>Неизвестное поле контакта «{key}».</source>
        <translation>Unknown contact field &quot;{key}&quot;.</translation>
    </message>
    <message>
        <source>Вопрос {n} похож на тему «{other}», а обращение — на тему «{topic}». Вопросы разных тем лучше отправлять отдельными обращениями: например, технические специалисты не решают вопросы оплаты или партнёрства.</source>
        <translation>Question {n} looks like the topic &quot;{other}&quot;, while the request is on &quot;{topic}&quot;. Questions on different topics are better sent as separate requests: technical staff, for example, do not handle payment or partnership questions.</translation>
    </message>
    <message>
        <source>Проверьте адрес: может быть, {suggestion}?</source>
        <translation>Check the address: did you mean {suggestion}?</translation>
    </message>
    <message>
        <source>По номеру телефона в Telegram найти можно не всегда (зависит от настроек приватности). Укажите имя пользователя вида @gbs_shop, если оно есть.</source>
        <translation>Finding someone in Telegram by phone number does not always work (it depends on privacy settings). Give a user name like @gbs_shop if you have one.</translation>
    </message>
    <message>
        <source>«{name}» — папка, а не файл. Приложите нужные файлы по одному.</source>
        <translation>&quot;{name}&quot; is a folder, not a file. Attach the files you need one by one.</translation>
    </message>
    <message>
        <source>Файл «{path}» не найден — возможно, его переместили или удалили.</source>
        <translation>The file &quot;{path}&quot; was not found — it may have been moved or deleted.</translation>
    </message>
    <message>
        <source>Файл «{path}» недоступен: {error}</source>
        <translation>The file &quot;{path}&quot; is not accessible: {error}</translation>
    </message>
    <message>
        <source>не найден</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>не указана</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>{what}. Без значения — спросить (так пароль не виден в списке процессов); или переменная окружения {env}</source>
        <translation>{what}. Without a value: ask (so the password is not visible in the process list); or the environment variable {env}</translation>
    </message>
    <message>
        <source>Программа и версия</source>
        <translation>Program and version</translation>
    </message>
    <message>
        <source>GBS.ID</source>
        <translation>GBS.ID</translation>
    </message>
    <message>
        <source>Журналы за день проблемы</source>
        <translation>Logs of the day of the problem</translation>
    </message>
    <message>
        <source>Настройки программы</source>
        <translation>The program&apos;s settings</translation>
    </message>
    <message>
        <source> (по последнему ответу сервера обновлений, сохранённому программой{when}; сейчас сервер не ответил: {why})</source>
        <translation> (by the update server&apos;s last answer the program kept{when}; the server did not answer now: {why})</translation>
    </message>
    <message>
        <source>Версия {installed} — последняя (канал {channel}){where}.</source>
        <translation>Version {installed} is the latest (channel {channel}){where}.</translation>
    </message>
    <message>
        <source>адрес сервера обновлений не настроен</source>
        <translation>no update server address is set</translation>
    </message>
    <message>
        <source>проверка через интернет отключена</source>
        <translation>the check over the internet is switched off</translation>
    </message>
    <message>
        <source>Не удалось проверить обновления: {reason}.</source>
        <translation>Could not check for updates: {reason}.</translation>
    </message>
    <message>
        <source>Доступно обновление {latest} (установлена {installed}){where}. Поддержка просит сначала обновить программу: {how}.</source>
        <translation>Update {latest} is available (installed: {installed}){where}. Support asks to update the program first: {how}.</translation>
    </message>
    <message>
        <source>Версия {installed} новее опубликованной ({latest}, канал {channel}){where}.</source>
        <translation>Version {installed} is newer than the published one ({latest}, channel {channel}){where}.</translation>
    </message>
    <message>
        <source>версия программы не определена</source>
        <translation>the program version is unknown</translation>
    </message>
    <message>
        <source>сбой настройки соединения</source>
        <translation>connection setup failed</translation>
    </message>
    <message>
        <source>{host}: ответ {code}</source>
        <translation>{host}: answer {code}</translation>
    </message>
    <message>
        <source>{host}: в ответе нет номера версии</source>
        <translation>{host}: no version number in the answer</translation>
    </message>
    <message>
        <source>нет ответа сервера обновлений</source>
        <translation>no answer from the update server</translation>
    </message>
    <message>
        <source>программа ещё не сохраняла ответ сервера обновлений</source>
        <translation>the program has not kept an update server answer yet</translation>
    </message>
    <message>
        <source>{host}: защищённое соединение не установлено</source>
        <translation>{host}: no secure connection could be made</translation>
    </message>
    <message>
        <source>{host}: {reason}</source>
        <translation>{host}: {reason}</translation>
    </message>
    <message>
        <source>GBS.ID получен из буфера обмена: {value}</source>
        <translation>GBS.ID taken from the clipboard: {value}</translation>
    </message>
    <message>
        <source>непредвиденная ошибка (подробности — в журнале сборщика)</source>
        <translation>an unexpected error (the details are in the collector&apos;s log)</translation>
    </message>
    <message>
        <source>Сведения о компьютере</source>
        <translation>About this computer</translation>
    </message>
    <message>
        <source>Вложения</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Резервная копия базы данных</source>
        <translation>Database backup</translation>
    </message>
    <message>
        <source>Текст обращения</source>
        <translation>Request text</translation>
    </message>
    <message>
        <source>Шаг остановлен: превышено отведённое время.</source>
        <translation>The step was stopped: it took longer than allowed.</translation>
    </message>
    <message>
        <source>папка установки {product}</source>
        <translation>the {product} installation folder</translation>
    </message>
    <message>
        <source>папка данных {product}</source>
        <translation>the {product} data folder</translation>
    </message>
    <message>
        <source>папка базы данных {product}</source>
        <translation>the {product} database folder</translation>
    </message>
    <message>
        <source>папка резервных копий {product}</source>
        <translation>the {product} backup folder</translation>
    </message>
    <message>
        <source>Шаг остановлен: превышено время {limit:.0f} с.</source>
        <translation>The step was stopped: it exceeded {limit:.0f} s.</translation>
    </message>
    <message>
        <source>Внутренняя ошибка: {error}</source>
        <translation>Internal error: {error}</translation>
    </message>
    <message>
        <source>GBS.Market на этом компьютере не найдена.</source>
        <translation>GBS.Market was not found on this computer.</translation>
    </message>
    <message>
        <source>Обращение в службу поддержки {product}</source>
        <translation>A request to {product} support</translation>
    </message>
    <message>
        <source>Точную версию программы определить не удалось. Посмотрите её в программе {product}: Справка → О программе — и напишите в вопросе, например: «У меня версия 6.3.0.1693».</source>
        <translation>The exact program version could not be found. Look it up in {product}: Help → About — and write it in your question, e.g. &quot;My version is 6.3.0.1693&quot;.</translation>
    </message>
    <message>
        <source>GBS.ID «{value}» неверный. Скопируйте его в окне лицензии программы {product} кнопкой копирования рядом с ID.</source>
        <translation>The GBS.ID «{value}» is not valid. Copy it in the licence window of {product} with the copy button next to the ID.</translation>
    </message>
    <message>
        <source>Для вопроса о лицензии нужен GBS.ID. Скопируйте его в окне лицензии программы {product} кнопкой копирования рядом с ID — сборщик подхватит его сам. Вручную ID не переписывайте.</source>
        <translation>A licence question needs the GBS.ID. Copy it in the licence window of {product} with the copy button next to the ID — the collector picks it up by itself. Do not retype the ID.</translation>
    </message>
    <message>
        <source>GBS.ID не найден. Он поможет поддержке быстрее найти вашу лицензию: скопируйте его в окне лицензии программы {product} кнопкой копирования рядом с ID.</source>
        <translation>GBS.ID not found. It helps support find your licence faster: copy it in the licence window of {product} with the copy button next to the ID.</translation>
    </message>
    <message>
        <source>файл</source>
        <translation>file</translation>
    </message>
    <message>
        <source>файла</source>
        <translation>files</translation>
    </message>
    <message>
        <source>файлов</source>
        <translation>files</translation>
    </message>
    <message>
        <source>{files}</source>
        <translation>{files}</translation>
    </message>
    <message>
        <source>{files}, скрыто {secrets}</source>
        <translation>{files}, {secrets} hidden</translation>
    </message>
    <message>
        <source>{files}, секретных значений в них нет</source>
        <translation>{files}, no secret values in them</translation>
    </message>
    <message>
        <source>секретное значение</source>
        <translation>secret value</translation>
    </message>
    <message>
        <source>секретных значения</source>
        <translation>secret values</translation>
    </message>
    <message>
        <source>секретных значений</source>
        <translation>secret values</translation>
    </message>
    <message>
        <source>{size}, {tables}</source>
        <translation>{size}, {tables}</translation>
    </message>
    <message>
        <source>таблица</source>
        <translation>table</translation>
    </message>
    <message>
        <source>таблицы</source>
        <translation>tables</translation>
    </message>
    <message>
        <source>таблиц</source>
        <translation>tables</translation>
    </message>
    <message>
        <source>Проверка базы данных</source>
        <translation>Database check</translation>
    </message>
    <message>
        <source>Похоже, в базе долго не закрывается транзакция — частая причина медленной работы; подробности поддержка увидит в обращении.</source>
        <translation>A transaction seems to stay open in the database for long — a common cause of slowness; support will see the details in the request.</translation>
    </message>
    <message>
        <source>Сведения о базе записаны в обращение</source>
        <translation>The database facts are in the request</translation>
    </message>
    <message>
        <source>Журнал сервера базы данных за день</source>
        <translation>The database server&apos;s log for the day</translation>
    </message>
    <message>
        <source>{entries} за выбранные дни</source>
        <translation>{entries} for the chosen days</translation>
    </message>
    <message>
        <source>Журнал сервера базы данных не найден</source>
        <translation>The database server&apos;s log was not found</translation>
    </message>
    <message>
        <source>За выбранные дни записей нет</source>
        <translation>No entries for the chosen days</translation>
    </message>
    <message>
        <source>Журнал сервера базы данных не прочитан: {error}</source>
        <translation>The database server&apos;s log could not be read: {error}</translation>
    </message>
    <message>
        <source>запись</source>
        <translation>entry</translation>
    </message>
    <message>
        <source>записи</source>
        <translation>entries</translation>
    </message>
    <message>
        <source>записей</source>
        <translation>entries</translation>
    </message>
    <message>
        <source>В прошлый раз программа {product} закрылась не штатно (CorrectExit = false в DataBase.json).</source>
        <translation>Last time {product} did not close normally (CorrectExit = false in DataBase.json).</translation>
    </message>
    <message>
        <source>{files} за {days}, в них {errors}</source>
        <translation>{files} for {days}, with {errors}</translation>
    </message>
    <message>
        <source>{files} за {days}, ошибок в них нет</source>
        <translation>{files} for {days}, no errors in them</translation>
    </message>
    <message>
        <source>не приложены</source>
        <translation>not attached</translation>
    </message>
    <message>
        <source>журналы работы программы за {day} ({files})</source>
        <translation>the program&apos;s logs for {day} ({files})</translation>
    </message>
    <message>
        <source>ошибка</source>
        <translation>error</translation>
    </message>
    <message>
        <source>ошибки</source>
        <translation>errors</translation>
    </message>
    <message>
        <source>ошибок</source>
        <translation>errors</translation>
    </message>
    <message>
        <source>В testing.json включены тестовые серверы: программа работает не с настоящими серверами обновлений и лицензий.</source>
        <translation>testing.json switches on the test servers: the program does not use the real update and licence servers.</translation>
    </message>
    <message>
        <source>В автоматических копиях программы базы нет: {reason}</source>
        <translation>The program&apos;s automatic backups hold no database: {reason}</translation>
    </message>
    <message>
        <source>Программа: {product}.</source>
        <translation>Program: {product}.</translation>
    </message>
    <message>
        <source>Версия {version}; программа показывает её как {shown}.</source>
        <translation>Version {version}; the program shows it as {shown}.</translation>
    </message>
    <message>
        <source>На компьютере есть и данные GBS.Market 5: {path}.</source>
        <translation>The PC also holds GBS.Market 5 data: {path}.</translation>
    </message>
    <message>
        <source>Папка системного корня не найдена: {path}</source>
        <translation>The system root folder was not found: {path}</translation>
    </message>
    <message>
        <source>Сетевой путь {path} недоступен в системном корне</source>
        <translation>The network path {path} is not available under the system root</translation>
    </message>
    <message>
        <source>в программе {product}: Справка → Проверить обновления</source>
        <translation>in {product}: Help (Справка) → Check for updates (Проверить обновления)</translation>
    </message>
    <message>
        <source>закройте программу {product} и запустите снова — она сама проверит и установит обновление при запуске (автообновление включено); или в программе {product}: Справка → Проверить обновления</source>
        <translation>close {product} and start it again — it checks for and installs the update itself at start (auto-update is on); or in {product}: Help (Справка) → Check for updates (Проверить обновления)</translation>
    </message>
    <message>
        <source>обновление уже скачано программой: закройте программу {product} и запустите снова — она установит его сама при запуске</source>
        <translation>the program has already downloaded the update: close {product} and start it again — it installs the update itself at start</translation>
    </message>
    <message>
        <source>Версия программы не определена — сравнить не с чем.</source>
        <translation>The program version is unknown — nothing to compare with.</translation>
    </message>
    <message>
        <source>Не удалось создать папку для данных сборщика {path}: {error}. Проверьте права на папку или укажите другую в переменной окружения {env}.</source>
        <translation>Could not create the collector&apos;s data folder {path}: {error}. Check the folder&apos;s permissions or give another one in the environment variable {env}.</translation>
    </message>
    <message>
        <source>{name} не является программой Windows ({detail})</source>
        <translation>{name} is not a Windows program ({detail})</translation>
    </message>
    <message>
        <source>Не удалось открыть {name}: {error}</source>
        <translation>Could not open {name}: {error}</translation>
    </message>
    <message>
        <source>Файл не похож на экспорт реестра: нет заголовка «{header}».</source>
        <translation>The file does not look like a registry export: no &quot;{header}&quot; header.</translation>
    </message>
    <message>
        <source>Строка {line} экспорта реестра не разобрана: {detail}</source>
        <translation>Line {line} of the registry export could not be parsed: {detail}</translation>
    </message>
    <message>
        <source>Реестр Windows недоступен в этой системе</source>
        <translation>The Windows registry is not available on this system</translation>
    </message>
    <message>
        <source>Нет файла {name} в системном корне</source>
        <translation>No file {name} under the system root</translation>
    </message>
    <message>
        <source>список служб недоступен: systemctl не найден</source>
        <translation>the service list is not available: systemctl not found</translation>
    </message>
    <message>
        <source>systemctl: {error}</source>
        <translation>systemctl: {error}</translation>
    </message>
    <message>
        <source>службы Windows недоступны: {error}</source>
        <translation>Windows services are not available: {error}</translation>
    </message>
    <message>
        <source>systemctl не ответил: {error}</source>
        <translation>systemctl did not answer: {error}</translation>
    </message>
</context>
</TS>
