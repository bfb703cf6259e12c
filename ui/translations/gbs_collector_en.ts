<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ru">
<context>
    <name></name>
    <message>
        <source>неизвестно</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} байт</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>КБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>МБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ГБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>меньше минуты</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ {m} мин</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ {h} ч {m} мин</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Очередь отправки</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архивы, которые не удалось отправить сразу (например, не было связи). Отправленные архивы остаются на диске, пока вы их не удалите.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архивы в очереди</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Отправить</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Убрать из очереди</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отменить отправку</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ждёт отправки</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>отправлен</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не отправлен</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>код {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файла больше нет на диске.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Очередь пуста.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Соединяюсь с сервером поддержки…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправлено. Код обращения: {code} — сообщите его поддержке.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправка прервана.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Убрать из очереди</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Убрать {name} из очереди?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Убрать, файл оставить</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Убрать и удалить файл</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Начало</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Тема</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вопросы</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дата</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Что приложить</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Контакты</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверка</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сбор</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Готово</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Далее</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ход шага: {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>выполняется, {p}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s} с</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Собираю архив…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Общий ход сбора</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Шаги</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Пока идёт сбор, можно работать в GBS.Market: сборщик только читает её файлы и ничего в них не меняет.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сбор архива</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сначала самое важное — версия, GBS.ID, журналы; копия базы данных — в конце.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отменяю…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Отменить</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отменить сбор?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Остановить сбор? Незаконченный архив будет удалён; обращение останется в черновике, собрать можно будет снова.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отменяю: останавливаю шаги и удаляю незаконченный архив…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Прошло {elapsed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>осталось примерно {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сбор отменён, незаконченный архив удалён.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Непредвиденная ошибка: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив не собран</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ответ придёт туда, что вы укажете. Достаточно одного способа; поддержка не пишет в личные сообщения сотрудников и не принимает обращения оттуда.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Как с вами связаться</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Имя</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>например, Анна, магазин «Ромашка»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shop@mail.ru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Телефон</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+7 912 345-67-89</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tele&amp;gram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@имя_пользователя или номер телефона</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Запомнить контакты на этом компьютере</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Куда ответить</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Укажите e-mail, телефон или Telegram.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Будет указано: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>С&amp;егодня</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В&amp;чера</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Красное число — сколько ошибок записано в журналах за день. Зелёная точка — журналы есть, ошибок нет. Бледные дни — журналов нет.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Выберите день</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Первые ошибки этого дня:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Соседние дни</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Добавить журналы соседних дней (±):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Пригодится, если проблема была около полуночи или повторялась несколько дней.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дни с ошибками</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дни с ошибками за два месяца</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Когда это случилось?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>По дате сборщик выберет журналы работы программы за этот день.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Выберите день, когда появилась ошибка: поддержке нужны журналы именно за него.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Для этой темы дата необязательна. Если вопрос связан с событием в программе (например, сообщение о лицензии), выберите тот день; иначе просто нажмите «Далее».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Последний день с ошибками: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Последний день с ошибками: {date}, ошибок: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} — ошибок: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>За два месяца ошибок в журналах нет.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>День не выбран</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Нажмите на день в календаре или выберите его в списке дней с ошибками.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ошибок: {n} · файлов журнала: {files} · {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>За этот день журналов нет.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Выбрать {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Смотрю журналы за этот день…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Снимки экрана</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Откройте в GBS.Market окно с ошибкой и сделайте снимок: окно сборщика на это время скроется.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Снять &amp;экран</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Снять через &amp;5 секунд</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Успейте открыть нужное окно</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файлы</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Выбрать файлы…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Приложить &amp;чек об оплате…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Голосовые сообщения поддержка не принимает: опишите вопрос текстом или позвоните.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отмеченное попадёт в архив. Пароли и ключи из настроек программы заменяются на ***.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Выберите файлы</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Чек об оплате</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Фото и PDF (*.jpg *.jpeg *.png *.pdf *.heic *.webp *.bmp);;Все файлы (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Снимок экрана сделать не удалось. Нажмите PrtScn, сохраните снимок и приложите его файлом.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Снимок экрана добавлен</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Журналы работы программы за {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> и соседние дни</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файлов: {n}{around} · {size} · ошибок: {errors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>За этот день журналов нет — выберите другой день на предыдущей странице.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Смотрю журналы…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Без журналов поддержка не сможет разобраться в ошибке.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Копия базы данных</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Настройки базы данных не найдены.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>База данных находится на другом компьютере ({server}). Чтобы приложить её, запустите сборщик на том компьютере.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл базы данных {path} не найден.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Копия делается средствами Firebird, сама программа и её база не меняются. Это может занять несколько минут (для этой базы — {time}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Опишите, что случилось, что вы делали и что ожидали увидеть. Несколько вопросов — каждый отдельным пунктом. Версию программы писать не нужно: сборщик укажет её сам.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Что происходит? Отметьте, если подходит</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В таких случаях поддержке нужна копия базы данных, чтобы повторить ситуацию у себя: она будет приложена.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Продолжение прежнего обращения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Это продолжение обращения &amp;№</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>номер или код из ответа поддержки</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Номер предыдущего обращения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Это продолжение обращения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Если ответа долго нет — позвоните в поддержку или напишите ещё раз, указав номер предыдущего обращения. Не отправляйте одно и то же по разным каналам.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ваши вопросы</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Чем точнее описание, тем быстрее ответ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Подставить номер последнего обращения: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Имя файла архива</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Отправить в поддержку</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Загрузить архив на сервер поддержки через интернет</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Письмо</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Подготовить письмо с архивом во вложении</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Показать в &amp;папке</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Скопировать &amp;текст обращения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправка</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ход отправки</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Код обращения:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Код обращения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Скопировать &amp;код</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сообщите этот код поддержке — по нему найдут ваш архив. Дублировать обращение по почте или в мессенджерах не нужно.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Повторить отправку</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Что собрано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив готов</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправьте его в поддержку одним из способов.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Новое обращение</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив готов, но не всё удалось собрать</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — частей: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} · папка {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>превышено время</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив собран из того, что получилось; причины записаны в manifest.json внутри архива.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверяю файл перед отправкой…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправлено {sent} из {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{speed}/с</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>осталось {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>часть {i} из {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив отправлен.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Этот архив уже был отправлен раньше.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправлено. Код обращения: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправка прервана. Архив остался в очереди: его можно отправить позже — сборщик напомнит при запуске.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив сохранён в очереди отправки: сборщик предложит отправить его при следующем запуске. Можно также отправить его письмом.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Текст обращения скопирован: его можно вставить в письмо или Telegram.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Код обращения скопирован</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверьте, что GBS.Market установлена, и запустите сборщик снова.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Скопируйте GBS.ID в GBS.Market (Справка → О программе) и соберите архив ещё раз — сборщик подхватит его сам.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверьте дату проблемы: возможно, за этот день журналов нет. Соседние дни можно добавить на странице «Дата».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Без настроек поддержка всё равно сможет начать разбираться.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сведения о компьютере не обязательны.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверьте, что приложенные файлы на месте и не открыты в другой программе.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверьте, что служба Firebird запущена и GBS.Market работает с базой, затем соберите архив ещё раз. Если не получится — отправьте этот архив: поддержка подскажет, как сделать копию базы.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Текст обращения можно скопировать кнопкой выше и вставить в письмо.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Обращение и GBS.ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Журналы работы программы</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>База данных</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Настройки программы (пароли скрыты)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сведения о компьютере</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ваши файлы</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Размер архива</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сбор займёт</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Свободно на диске</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Папка для архива:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Изменить…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Изменить папку для архива</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файлы в архиве</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Текст обращения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Параметры</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Снимите отметку с того, что не хотите отправлять. Двойной щелчок открывает файл — так он попадёт в архив.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Открыть</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Размер</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файлы, которые попадут в архив</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Скопировать &amp;текст</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Этот текст войдёт в архив как request.txt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Для специалиста: пределы времени шагов, шифрование, деление архива. Обычно менять ничего не нужно.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Пределы времени</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Шаг, не уложившийся в свой предел, останавливается, а архив собирается без него.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> мин</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Предел времени: {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Шифрование и деление</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>без пароля</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Пароль архива</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Пароль архива:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Разделить архив на части</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не делить</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>по 10 МБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>по 20 МБ (для почты)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>по 50 МБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>по 100 МБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Разделить на части:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>С паролем архив шифруется (AES-256, вместе с именами файлов). Сообщите пароль поддержке отдельно, например по телефону; в архив и журналы сборщика он не попадает.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверьте перед сбором</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ничего не уйдёт с компьютера без вашего ведома: посмотрите, что попадёт в архив.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Собрать архив</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Обязательная часть обращения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не войдёт</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Опись архива составляется во время сбора: версия программы и сборщика, GBS.ID, тема, дата проблемы, как прошёл каждый шаг, список файлов с размерами и контрольными суммами, сколько секретных значений скрыто в настройках.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл появится во время сбора.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Копия базы данных делается во время сбора, открыть её заранее нельзя.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Текст обращения скопирован</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>в папке для архива</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>во временной папке (там делается копия базы данных)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не хватает места {where} {path}: нужно около {need}, свободно {free}. Освободите место или выберите другую папку.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>обычно {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>обычно секунды</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Размер и время — оценка до сбора; база данных сжимается примерно втрое.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Список файлов не составлен: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Исправить</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Исправить: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…и ещё замечаний: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>П&amp;родолжить</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Продолжить черновик</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Начать &amp;заново</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Начать новое обращение, черновик отложить</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Очередь отправки…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Что найдено на этом компьютере</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Программа</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Версия</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Папка данных</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Искать ещё раз</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Искать GBS.Market ещё раз</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дальше — тема обращения, вопросы, день, когда случилась проблема, что приложить и как с вами связаться. Всё, что вы напишете, сохраняется само: окно можно закрыть и продолжить потом.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Подготовить обращение в поддержку</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сборщик соберёт всё, что нужно поддержке GBS.Market, в один файл: точную версию программы, журналы за день проблемы, копию базы данных и GBS.ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Начать</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Продолжить его или начать новое обращение?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ждут отправки в поддержку: {n} — {names}. Их можно отправить сейчас.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ищу…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.Market не найдена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Убедитесь, что программа установлена на этом компьютере, запустите её хотя бы раз и нажмите «Искать ещё раз». Если программа стоит в другой папке или на другом диске, запустите сборщик на том компьютере, где работает касса.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Где искали:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>сейчас запущена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>сейчас не запущена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>файл программы не найден</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>указана в AppConfig.conf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В прошлый раз GBS.Market закрылась некорректно (сбой, выключение питания или снятие задачи). Если проблема связана с этим, укажите в вопросе, когда это случилось.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Найдена ещё одна установка: {product} в {path}. Сборщик берёт данные выбранной выше.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Версия не определена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Посмотрите её в GBS.Market: Справка → О программе — и напишите в вопросе, например: «У меня версия 6.3.0.1693».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверяю, последняя ли это версия…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Версия актуальна.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось проверить, последняя ли это версия.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не найдена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Настройки базы данных не прочитаны: копию базы приложить не получится, остальное соберётся.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл базы данных не найден: копию базы приложить не получится.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Размер: {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Оплата, продление и активация лицензии, перенос на другой компьютер, счета и чеки.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ошибки и сбои, медленная работа, как сделать что-то в программе, оборудование: касса, сканер, весы, маркировка.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Партнёрство, дилерство, интеграция ваших сервисов с GBS.Market.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В одном обращении — одна тема: технические специалисты не решают вопросы оплаты, а вопросы об оплате не помогут с ошибкой. Вопросы разных тем отправьте отдельными обращениями.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Перед обращением поищите ответ в базе знаний на сайте {site}: часто так быстрее.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Открыть &amp;базу знаний</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>О чём обращение?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Выберите тему — обращение попадёт к нужным специалистам.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Так файл попадёт в архив.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Найти… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Найти в файле</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Переносить строки</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Читаю файл…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл не прочитан: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Перетащите сюда файлы — фото ошибки, чек об оплате, документ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Область для перетаскивания файлов</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>нет файла</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Открыть {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Убрать</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Убрать {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Снимок экрана {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Открыть снимок</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Убрать снимок</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Убрать снимок {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Календарь: дни с ошибками отмечены числом ошибок</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Скрыть сообщение</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Скрыть</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ошибка</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Внимание</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Совет</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Идёт работа</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR-код GBS.ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR-код GBS.ID {value}: его можно сфотографировать телефоном</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID и QR-код</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сфотографируйте экран так, чтобы были видны и QR-код, и GBS.ID под ним целиком.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID — номер лицензии</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Какой GBS.ID приложить</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Найдено несколько GBS.ID — выберите тот, о котором обращение:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Копировать</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Копировать GBS.ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Скопировать GBS.ID как текст, чтобы вставить в письмо или чат</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Показать крупно</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Показать QR-код крупно</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Жду, когда вы скопируете GBS.ID в GBS.Market…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Скопирован из GBS.Market (буфер обмена)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Скопировано: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Что случилось, что вы делали и что ожидали увидеть?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Удалить вопрос</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вопрос {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Удалить вопрос {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Д&amp;обавить вопрос</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Каждый вопрос — отдельным пунктом: поддержка ответит на каждый</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Текст разделён на вопросы по номерам: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Обращение в поддержку</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сборщик {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Шаг: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>текущий</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>пройден</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Обращение в поддержку GBS.Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Заголовок страницы</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сообщение</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Файл</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Открыть &amp;папку с архивами</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В&amp;ыход</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Настройки</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Язык / Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Папка для архивов…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Показывать &amp;список файлов перед сбором</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Справка</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Как скопировать &amp;GBS.ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Правила поддержки</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;О программе</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Исправьте отмеченное на этой странице, чтобы продолжить.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Новое обращение</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Начать новое обращение? Текущий черновик не удалится: он будет отложен в папку черновиков.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Папка для архивов</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Как скопировать GBS.ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Правила поддержки</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>О программе</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сборщик обращений в поддержку GBS.Market, версия {version}.

Собирает версию программы, журналы, копию базы данных и GBS.ID в один архив для службы поддержки. Ничего не меняет в программе и её базе данных.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>сбор архива</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>отправка</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Закрыть окно?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сейчас идёт {what}. Прервать и закрыть? Незаконченный архив будет удалён, обращение останется в черновике.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>collector</name>
    <message>
        <source>Голосовое сообщение {name} не добавлено: поддержка принимает вопросы только текстом. Если нужно поговорить — позвоните.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {name} слишком большой ({mb} МБ, можно до {limit} МБ): не добавлен.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вложения превышают {limit} МБ: файл {name} не добавлен.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Слишком много файлов во вложениях: добавлены первые {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {name} не прочитан: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вложение {path} не найдено.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Слишком маленький размер тома «{text}»: нужно не меньше 64 КБ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} записан не полностью ({size} байт): {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} не найден.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не хватает части архива: {name}. Положите все части (.001, .002, …) в одну папку.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В архиве нет manifest.json последним файлом — это не архив сборщика или он недописан.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Непонятный размер тома «{text}»: укажите число с единицей, например 17M, 100MB или 1G.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Недостаточно места на диске для архива в папке {dir}. Освободите место или выберите другую папку (например, флешку) и повторите. Недописанный архив удалён.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив слишком велик для файловой системы в папке {dir} (например, FAT32 — не больше 4 ГБ на файл). Выберите другую папку или разбейте архив на тома.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Нет прав на запись в папку {dir}. Выберите другую папку.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось записать архив в папку {dir}: {error}. Недописанный архив удалён.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Это не архив 7z или его начало повреждено.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив неполный: не хватает {n} байт в конце — скорее всего, не все части (тома) скачаны или файл обрезан.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest.json в архиве повреждён.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файла {name} нет в manifest.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {name} не совпадает с manifest.json (размер или sha256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файла {name} из manifest.json нет в архиве.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось прочитать файл {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив не прошёл проверку после записи: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Контрольная сумма {name} не совпадает с {sha}: файл изменён или повреждён при передаче.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив защищён паролем: укажите пароль (--password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest.json в архиве не тот, что был записан.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {name} в архиве не тот, что был записан.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} уже существует: выберите другую папку или удалите старый архив.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} уже существует.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неверный пароль, или архив повреждён (7z не различает эти случаи).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив повреждён: не сходится контрольная сумма файла {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив повреждён и не открывается: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Для работы с буфером обмена установите xclip, xsel или wl-clipboard (например, «sudo apt install xclip»).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Буфер обмена занят другой программой. Попробуйте ещё раз через несколько секунд.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Работа с буфером обмена отключена (переменная {env}=none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Буфер обмена недоступен: программа запущена без графического сеанса (не заданы DISPLAY и WAYLAND_DISPLAY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось скопировать в буфер обмена ({tool}, код {code}). Проверьте, что вы в графическом сеансе.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неизвестный способ работы с буфером обмена «{name}» в {env}. Допустимо: windows, wl-clipboard, xclip, xsel, pbcopy, none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Программа {tool} не найдена: установите её (например, «sudo apt install {package}»).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Буфер обмена не отвечает ({tool}). Попробуйте ещё раз.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось запустить {tool}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Нет доступа к графическому сеансу: {tool} не может открыть дисплей.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Буфер обмена Windows недоступен: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Недостаточно памяти, чтобы скопировать текст.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows не принял текст в буфер обмена (код {code}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Внимание: пароль в командной строке видят другие программы на этом компьютере. Безопаснее указать параметр без значения или переменную {env}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл обращения {path} должен содержать объект JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неверный предел времени {item!r}: нужно ШАГ=СЕКУНДЫ, шаги: {steps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл обращения {path} не прочитан: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл обращения {path} — не JSON: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неверное число секунд в {item!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Форма в порядке: обращение можно отправлять.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ошибок: {n}. Исправьте их и проверьте снова.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Найдено несколько GBS.ID — укажите нужный параметром --pick N:
{listing}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Найдено GBS.ID: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID {value} скопирован в буфер обмена.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Нет ID под номером {n}: найдено {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Найдено несколько ID: выберите нужный параметром --pick N (ID, которым программа пользуется сейчас, — первый в списке).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Записан файл: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Записан QR-код: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось записать {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неверная дата «{text}»: укажите её как ГГГГ-ММ-ДД, например 2026-11-20 (или 20.11.2026).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неверное время «{text}»: укажите его как ЧЧ:ММ, например 09:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Укажите одно из двух: --date ГГГГ-ММ-ДД (журналы за день) или --calendar (число ошибок по дням).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дата {date} ещё не наступила (сегодня {today}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.Market на этом компьютере не найдена — журналы взять неоткуда. Если программа установлена в другую папку, запустите её и повторите.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Параметры {names} относятся к --date, а не к --calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--days: от 1 до 366 дней.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-file-mb: нужно положительное число мегабайт.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Такой даты нет: «{text}». Проверьте день и месяц.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправлено {done} из {total} ({pct}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Контрольная сумма: {done} из {total} ({pct}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, том {part} из {parts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · осталось {eta}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Очередь отправки пуста.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Укажите архив для отправки (или --pending, --list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Нечего отправлять: очередь «Отправить позже» пуста.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ждёт отправки</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>отправлен, код {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не отправлен</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Запись убрана из очереди.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправка {name} ({size})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Готово. Код обращения: {code} — сообщите этот код поддержке.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправка прервана. Архив остался в очереди «Отправить позже»; при следующей отправке она продолжится с того же места.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (файл не найден)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Этот архив уже был отправлен раньше.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Удалены файлы: {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Внимание: {problem} Сведения для поддержки взяты из имени файла.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}
Архив {name} сохранён в очереди «Отправить позже»: программа предложит отправить его при следующем запуске (или команда: collector upload --pending). Отправка продолжится с того же места.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {name} пуст (возможно, программа не успела его записать)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {name} имеет неожиданный формат</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Нет файла {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось прочитать {name}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {name} повреждён: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Записано {mb} МБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Копия файла базы для резервного копирования: {done} из {total} МБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Подключение к базе данных…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Структура базы данных…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Копия базы данных готова: {mb} МБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Таблица {n} из {total}: {table}, записано {mb} МБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неожиданный ответ сервера Firebird ({tag})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gbak не найден</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>в {folder} нужно {need} МБ, свободно {free} МБ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось сделать копию базы данных {path}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Программа на этом компьютере работает с базой данных на другом компьютере ({server}). Копию базы нужно делать там, где она хранится; пакет собран без базы данных.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер Firebird ({server}) не отвечает: служба базы данных не запущена или порт закрыт. Запустите GBS.Market (она запускает свой сервер) или службу Firebird и повторите. Пакет собран без базы данных.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер Firebird ({server}) не принял имя пользователя и пароль (пробовали: {tried}). Укажите логин и пароль базы данных — их знает специалист, настраивавший программу, — и повторите.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл базы данных {path} не найден. Проверьте путь к базе в настройках программы (Configs\DataBase.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} не является базой данных Firebird.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>База {path} создана другой версией Firebird, которую этот сервер не читает ({detail}). Приложите автоматическую копию базы.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>База данных {path} занята другой программой и не открылась (блокировка). Закройте программы, работающие с базой, или сделайте копию через сервер Firebird, и повторите.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firebird не может открыть файл базы {path}: нет прав на файл или его папку (или диск только для чтения). Запустите сборщик от имени администратора или проверьте права на папку базы.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>У этого пользователя Firebird нет права делать копию базы {path} ({detail}). Нужен SYSDBA или владелец базы.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>База данных {path} переведена в режим обслуживания (shutdown) и закрыта для подключений. Верните её в обычный режим и повторите.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не хватает места на диске для копии базы данных ({detail}). Освободите место или выберите другую папку и повторите.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Копию базы данных не удалось записать: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firebird не смог прочитать базу {path}: похоже, она повреждена ({detail}). Сообщите об этом в поддержку и приложите автоматическую копию базы.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не найдены программы Firebird для резервного копирования (gbak или клиент fbclient): {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл базы {path} менялся, пока снималась копия: с ним работает сервер или программа. Укажите сервер Firebird (--fb-server адрес/порт) и повторите.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>только что</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} год назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} года назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} лет назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} минуту назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} минуты назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} минут назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} час назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} часа назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} часов назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} день назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} дня назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} дней назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} месяц назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} месяца назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} месяцев назад</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>пароль специалиста для {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>стандартный пароль {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>встроенный движок Firebird</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неверный адрес сервера Firebird «{text}»: нужно «адрес/порт», например localhost/3060</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неверный порт сервера Firebird: {port}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Копия проверена: восстановлено {tables} таблиц, {records} записей.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверка копии пропущена: gbak не найден.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверка копии пропущена: в {folder} нужно {need} МБ, свободно {free} МБ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверка копии остановлена через {s} с: база большая; копия сохранена без проверки.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Копия базы не восстанавливается: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В копии {got} записей, а при копировании записано {want}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В архиве нет manifest.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не найден первый том архива: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не хватает тома архива {missing}: найдены тома после него ({found}). Скопируйте все тома в одну папку и повторите.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл не найден: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив зашифрован: нужен пароль архива.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив {name} не читается ({error}): возможно, он повреждён.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив {name} не читается: неверный пароль архива или архив повреждён.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Черновик письма готов: {path}. Откройте его, проверьте адрес получателя и отправьте.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив не помещается в одно письмо: подготовлено {count} черновика(ов), отправьте все: {paths}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Письмо {index} из {count}: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Код обращения: {code} (архив {name} загружен на сервер поддержки).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Архив больше предела почты ({limit} МБ) и не приложен; он уже загружен на сервер поддержки, в письме указан код обращения {code}. Черновик: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Текст обращения не прочитан из архива ({problem}), в письме — короткая заметка. Укажите пароль архива (--password-file) или текст письма (--request).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID не найден</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Текст обращения — в письме 1 из {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Обращение в поддержку GBS.Market. Описание проблемы — в файле request.txt внутри приложенного архива.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {name} ({size} МБ, в письме займёт {mail} МБ) больше предела почты ({limit} МБ), письмо не создано. Отправьте архив через интернет (кнопка «Отправить», команда: collector upload) или соберите его заново томами по {volume} МБ (--volume-size {volume}M) — тогда тома разойдутся по нескольким письмам.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Письмо {name} вышло больше предела почты.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>версия не определена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>нет request.txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Письмо открыто в почтовой программе.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл показан в Проводнике.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось открыть почтовую программу: откройте файл {path} вручную (двойным щелчком) или создайте письмо и приложите к нему архив.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось открыть файловый менеджер. Файл лежит здесь: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл показан в файловом менеджере.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Открыта папка с файлом {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось открыть {path} в почтовой программе ({error}). Возможно, почтовая программа не настроена: откройте файл вручную или приложите архив к письму.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось открыть Проводник ({error}). Файл: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} не найден: его переместили или удалили.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправка прервана пользователем.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось удалить {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки отклонил запрос (ответ {code}{text}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Адрес сервера отправки задан неверно: {url}. Нужен адрес вида https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки временно не принимает файлы (ответ {code}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки отказал в доступе (ответ {code}): ключ отправки (upload_token в настройках) не подходит. Обратитесь к тому, кто выдал программу, или отправьте файл по почте.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки не принимает такой большой файл (ответ 413). Соберите архив томами поменьше или без базы данных.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки сообщил о расхождении в уже полученных данных (ответ 409).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер больше не хранит начатую загрузку (ответ {code}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки перенаправляет запрос (ответ {code}): проверьте адрес отправки в настройках (upload_url).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки не сообщил адрес загрузки (нет заголовка Location).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки предложил отправить файл по незащищённому адресу ({url}); отправка остановлена.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Соединение с сервером поддержки отклонено: его сертификат не прошёл проверку ({error}). Данные не отправлены. Проверьте дату и время на компьютере. Если в сети стоит прокси или антивирус, проверяющий HTTPS, укажите его корневой сертификат в настройке upload_ca_bundle (или в переменной REQUESTS_CA_BUNDLE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Прокси-сервер не отвечает или не пропускает соединение ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Нет связи с сервером поддержки {host} ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ошибка при обращении к серверу поддержки: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки не сообщил, сколько уже получено (нет Upload-Offset).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки не подтвердил полученное (нет Upload-Offset).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось прочитать файл корневого сертификата {path} ({error}). Проверьте настройку upload_ca_bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why} Повтор через {seconds} с.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Адрес сервера отправки не настроен (upload_url в collector_settings.json рядом с программой). Отправьте архив по почте или укажите адрес: --url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверка сервера поддержки…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Подсчёт контрольной суммы…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {name} изменился во время отправки. Соберите архив заново.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>На сервере под этим адресом другая загрузка.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {name} ({size}) больше, чем принимает сервер поддержки ({limit}). Ничего не отправлено. Соберите архив заново томами не больше {limit} (параметр «размер тома») или без базы данных, либо отправьте его по почте.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сервер поддержки не принял данные (смещение {offset}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Программа Market.exe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Настройки Configs\*.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Журналы за неделю</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Автоматические резервные копии</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Реестр registry.reg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Папка {path} не пуста и не является демо-установкой: выберите пустую папку.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>База данных Firebird main.fdb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Черновик обращения от {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Черновик обращения от {when}: «{first}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось прочитать черновик {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Черновик обращения повреждён и не может быть восстановлен; файл сохранён как {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось сохранить черновик обращения в {path}: {error}. Текст пока остаётся в окне — не закрывайте его.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>скопирован из программы (буфер обмена)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>папка резервных копий из настроек программы (DataBase.json → BackUp.Path)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>папка резервных копий в «Документах» пользователя</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В GBS.ID 32 знака после «6:», а здесь {n}. Скопируйте ID в GBS.Market: Справка → О программе, кнопка копирования рядом с ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Буфер обмена пуст. Скопируйте GBS.ID в GBS.Market: Справка → О программе, кнопка копирования рядом с ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Скопирован длинный текст, в нём нет GBS.ID вида 6:&lt;32 знака&gt;. Скопируйте ID в GBS.Market: Справка → О программе, кнопка копирования рядом с ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Это идентификатор с дефисами, а GBS.Market показывает GBS.ID без дефисов, в виде 6:&lt;32 знака&gt;: такой текст скопирован не из программы. Скопируйте ID в GBS.Market: Справка → О программе, кнопка копирования рядом с ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID программы GBS.Market 6 начинается с «6:», а здесь «{prefix}». Скопируйте ID в GBS.Market 6: Справка → О программе, кнопка копирования рядом с ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В ID есть русские буквы вместо латинских — похоже, его набрали вручную, а вручную ID не переписывают: в 99% случаев это приводит к ошибкам. Скопируйте ID в GBS.Market: Справка → О программе, кнопка копирования рядом с ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В GBS.ID не бывает пробелов и переносов строк. Скопируйте ID в GBS.Market: Справка → О программе, кнопка копирования рядом с ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В GBS.ID бывают только цифры 0–9 и латинские буквы A–F, а здесь есть «{chars}». Скопируйте ID в GBS.Market: Справка → О программе, кнопка копирования рядом с ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} — {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID не найден автоматически. Скопируйте его из GBS.Market — сборщик подхватит его сам:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Запустите GBS.Market.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Откройте меню «Справка» → «О программе» (или окно лицензии).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Рядом с GBS.ID (он выглядит как 6: и 32 цифры и буквы A–F) нажмите кнопку копирования («Copy ID»).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Вернитесь в сборщик: скопированный ID появится здесь сам, вводить его не нужно.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не переписывайте ID вручную и не диктуйте его по телефону: в 99% случаев это приводит к ошибкам. В крайнем случае сфотографируйте окно так, чтобы были видны полностью и GBS.ID, и QR-код рядом с ним: фото только с ID, без QR-кода, поддержка не обрабатывает.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось построить QR-код для {value}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>папка резервных копий из настроек программы</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: {path} ({count} шт., последняя {when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: {path} (копий в ней нет)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Где искали:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неверный GBS.ID: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>скопирован из программы в буфер обмена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>папка резервных копий пользователя {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>папка резервных копий в «Документах»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось записать файлы GBS.ID в {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>записей об установке GBS.Market нет</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (партнёрская сборка GBS.Market)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ключ программы HKCU\Software\F-Lab\GBS.Market\{majors} есть</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} (PID {pid})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.Market 5 (старая версия: собрать можно, но поддержка попросит обновиться)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Папка данных {path} не найдена: журналы и настройки собрать не получится</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл базы данных {path} не найден</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{version} из {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«{name}» → {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>в {path} программы нет</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market.exe (PID {pid}), путь недоступен</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market.exe сейчас не запущен</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>папки данных GBS.Market нет</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} не найден</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} указывает на папку данных {target}, но её нет; проверьте, подключён ли диск. Используется папка по умолчанию.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>список процессов недоступен: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>У {name} нет сведений о версии; версия будет взята из журналов</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>в {name} нет DataPath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} не прочитан: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Настройки базы данных не прочитаны ({error}); база ищется в папке данных.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>в журналах версия не записана</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>файл не прочитан: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>файл больше {cap}: оставлены начало и конец, вырезано {cut}{span}, в том числе ошибок: {errors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>файл занят другой программой и не даёт себя читать; закройте её и повторите</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>это не обычный файл (канал или устройство) — пропущен</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>нет доступа к файлу; запустите сборщик от имени администратора</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>файл исчез во время чтения (программа его переименовала или удалила)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ссылка зациклена (указывает сама на себя)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>это папка, а не файл</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>За {date} журналов нет (папки {path} нет): в этот день программа не запускалась или журналы уже удалены. Ближайшие дни с журналами: {days}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; все ошибки дня есть в error.log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>файл больше {cap}, поэтому вырезана середина: {cut}{span}; в ней ошибок ERROR: {errors}, FATAL: {fatals}{hint}. Исходный размер {size}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Число дней должно быть не меньше 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Папка журналов {path} не найдена: программа ещё не запускалась на этом компьютере, или журналы удалены.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Есть журналы с датами позже сегодняшней ({days}): часы компьютера были переведены неверно.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дни вокруг выбранного: от 0 до {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Предел размера файла слишком мал: нужно не меньше {min}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} не включён: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Папка за {date} пуста.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В папке журналов {path} нет ни одного дня.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>пропущено {entries} вне выбранного времени{span}, {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>пропущено {size} вне выбранного времени</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ссылка ведёт на несуществующий файл</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ссылка на папку не открывается (защита от зацикливания)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} заменён новым после проверки (программа начала новый журнал); выберите журналы заново.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} стал короче после проверки ({was} → {now}); выберите журналы заново.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>За {date} журналов нет.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В папке журналов есть «{name}» — похоже на журналы за {date}, но программа так не называет свои папки (это копия?). Она не включена.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>пустой файл (0 байт): программа ещё ничего в него не записала</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>файл дописывается программой прямо сейчас: взято {size} на момент чтения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>последняя запись не дописана: программа писала в файл в момент чтения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ссылка ведёт за пределы папки журналов ({target}) — не включена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>нет доступа к папке; запустите сборщик от имени администратора</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} не удалось открыть снова: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} стал короче во время упаковки; выберите журналы заново.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>файл стал короче во время чтения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>оставлены записи с {start} по {end}: {kept} из {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>в выбранное время записей нет; оставлен только заголовок ({kept})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вложенная папка пропущена: слишком глубоко или по кругу</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product}, версия {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} ({where})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} файл(ов) за {days}; ошибок: {errors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.Market не найдена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не определена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Папка настроек {path} не найдена</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} файлов, скрыто секретных значений: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не всё прочитано: {parts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вложений нет</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В обращении есть замечания: {list}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вложения: {n} файл(ов)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} файл(ов)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>найдены и другие: {ids}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Журналов за {day} нет</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>изменились во время сбора и пропущены: {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} не прочитан ({error}); </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>выбран пользователем</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Адрес e-mail не распознан. Пример: shop@mail.ru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Номер телефона не распознан. Пример: +7 912 345-67-89 или 8 912 345-67-89</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Имя пользователя Telegram не может оканчиваться на «_» или содержать «__».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ситуация связана с данными ({what}): поддержке может понадобиться база данных, чтобы воспроизвести её у себя.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В адресе e-mail нет «@». Пример: shop@mail.ru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В адресе e-mail должен быть один знак «@». Если адресов несколько, укажите один.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В адресе e-mail не должно быть пробелов.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В адресе e-mail запятая вместо точки? Пример: shop@mail.ru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>После «@» нужен домен с точкой, например mail.ru или gmail.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В номере телефона только цифры, пробелы, скобки и дефисы (без добавочного и пояснений). Пример: +7 912 345-67-89</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Номер начинается с «+8»: укажите его как +7… или 8… без плюса. Пример: +7 912 345-67-89</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В номере телефона не хватает цифр ({n}, а нужно 10 после +7). Пример: +7 912 345-67-89</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Имя пользователя Telegram пишется латиницей (например, @gbs_shop).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В имени пользователя Telegram не бывает пробелов (например, @gbs_shop).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В имени пользователя Telegram только латинские буквы, цифры и «_».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Имя пользователя Telegram не короче 5 символов (например, @gbs_shop).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Имя пользователя Telegram не длиннее 32 символов.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Имя пользователя Telegram начинается с латинской буквы.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Перед обращением поищите ответ в базе знаний на сайте {site}: часто так быстрее.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отправляйте обращение одним способом: дублирование по почте, в мессенджерах и соцсетях не ускорит ответ. Пишите в официальные каналы поддержки, а не в личные сообщения сотрудникам: такие обращения не считаются официальными, и ответ на них не гарантирован.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Тема: {topic}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Версия программы: {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Контакты для ответа:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Приложено:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>настройки программы (пароли и ключи заменены на ***)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>сведения о компьютере (system.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл формы обращения содержит ошибки:
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Выберите тему обращения: {topics}. В одном обращении — одна тема: технические специалисты не решают вопросы оплаты или партнёрства.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Точную версию программы определить не удалось. Посмотрите её в GBS.Market: Справка → О программе — и напишите в вопросе, например: «У меня версия 6.3.0.1693».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID «{value}» неверный. Скопируйте его из GBS.Market (Справка → О программе).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Для вопроса о лицензии нужен GBS.ID. Скопируйте его в GBS.Market: Справка → О программе, кнопка копирования рядом с ID — сборщик подхватит его сам. Вручную ID не переписывайте.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дата {date} ещё не наступила. Укажите день, когда появилась ошибка.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Журналы есть, например, за {days}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Журналов программы на этом компьютере нет совсем.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>За {date} журналов работы программы нет — поддержке нечего будет посмотреть. Проверьте дату: нужен день, когда появилась ошибка.{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Напишите вопрос: что случилось, что вы делали и что ожидали увидеть.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>В обращении {n} вопросов. Если вопросы большие, пришлите их отдельными обращениями — так на каждый ответят быстрее и подробнее.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вопросы вместе занимают {n} знаков. Если каждый вопрос достаточно большой, пришлите их отдельными обращениями.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Отмеченные признаки относятся к теме «{errors}». Если вопрос о них — отправьте его отдельным обращением с этой темой.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ситуация связана с данными ({what}): поддержке может понадобиться база данных, чтобы воспроизвести её у себя. Рекомендуем приложить резервную копию базы.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Этот компьютер подключён к базе данных на другом компьютере. Чтобы приложить базу, запустите сборщик на компьютере, где она находится.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Номер предыдущего обращения — это номер или код из ответа поддержки (например, 12345), без пробелов и пояснений.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (код {code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вы уже отправляли обращение на эту тему {when}{code}. Дублирование обращений не ускорит ответ, а только запутает. Если ответа долго нет — позвоните в поддержку или напишите ещё раз, указав номер предыдущего обращения.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Укажите, куда ответить: e-mail, телефон или Telegram.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Имя слишком длинное: достаточно имени и, если нужно, названия магазина.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Похоже, «{label}». Отметьте этот признак — к обращению приложится резервная копия базы данных, чтобы поддержка смогла воспроизвести ситуацию.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вопрос об оплате: приложите чек об оплате и напишите, когда оплачивали (дату и время).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID и QR-код уже добавляются к обращению автоматически (gbs_id.txt и gbs_id_qr.png). Если на приложенном фото GBS.ID — фото только с ID, без QR-кода, поддержка не обрабатывает.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ответьте на все вопросы поддержки из её последнего сообщения — каждый отдельным пунктом и полностью.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Обращение в службу поддержки GBS.Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дата проблемы: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вопросы:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вопрос:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(вопрос не написан)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Что наблюдается: {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Номер предыдущего обращения: {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Имя: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Телефон: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не указаны</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ничего</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Обращение</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>к обращению {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>журналы работы программы за {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>резервная копия базы данных</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID в текстовом виде и QR-код (gbs_id.txt, gbs_id_qr.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>журналы работы программы за {day} ({n} {files})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>журнал обмена с «Честным знаком» за {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>файл пользователя: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Поле {key} должно быть строкой.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Поле {key} должно быть списком строк.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Поле contact должно быть объектом.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Поле include_database должно быть true или false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неизвестная тема «{topic}». Допустимы: {topics}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, последняя — {latest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Версия {version} устарела{latest}. Поддержка просит сначала обновить программу по инструкции: от версии к версии программа меняется, и проблема может быть уже исправлена. Отправить обращение можно и сейчас.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID не найден. Он поможет поддержке быстрее найти вашу лицензию: скопируйте его в GBS.Market (Справка → О программе).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Укажите дату, когда появилась ошибка: поддержке нужны журналы работы программы (логи) именно за этот день.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>С {date} прошло больше {days} дней: журналы за тот день могли уже удалиться.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вопрос {n} повторяет вопрос {m}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ответ «{text}» не помогает разобраться. Пожалуйста, ответьте на все вопросы поддержки полностью, например: «Оплату произвёл 01-05-2022 в 10:00. Чек во вложении. Сейчас пишет, что срок истёк».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«{text}» — это не вопрос. Опишите, что случилось, что вы делали и что ожидали увидеть.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вопрос {n} очень короткий. Опишите подробнее: что делали, что ожидали и что получилось.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вопрос {n} большой ({chars} знаков). Большие вопросы лучше присылать отдельными обращениями.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Похоже, в пункте {n} несколько вопросов. Разделите их на отдельные пункты — поддержка ответит на каждый.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неизвестный признак «{value}». Допустимы: {allowed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл «{name}» приложен дважды.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«{name}» — звукозапись. Голосовые сообщения поддержка не принимает: не все сотрудники могут прослушать запись так, чтобы её не слышали посторонние, а если к обращению подключаются коллеги, слушать её придётся каждому — ответ задержится. Изложите вопрос письменно, а если нужно поговорить голосом — позвоните в поддержку.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл «{name}» большой ({mb} МБ): отправка займёт время. Если это видео, достаточно короткого фрагмента.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(версия не определена)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Писать «у меня последняя версия» не нужно: точная версия программы ({version}) будет указана в обращении автоматически.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — устарела, последняя {latest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — устарела</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дата проблемы: не указана</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл формы {path} не найден.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось прочитать {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл {path} — не JSON: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Форма обращения должна быть объектом JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неизвестное поле «{key}» — его содержимое не попадёт в обращение.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дата «{value}» не распознана: нужна дата вида ГГГГ-ММ-ДД.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Неизвестное поле контакта «{key}».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вопрос {n} похож на тему «{other}», а обращение — на тему «{topic}». Вопросы разных тем лучше отправлять отдельными обращениями: например, технические специалисты не решают вопросы оплаты или партнёрства.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Проверьте адрес: может быть, {suggestion}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>По номеру телефона в Telegram найти можно не всегда (зависит от настроек приватности). Укажите имя пользователя вида @gbs_shop, если оно есть.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«{name}» — папка, а не файл. Приложите нужные файлы по одному.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл «{path}» не найден — возможно, его переместили или удалили.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл «{path}» недоступен: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не найден</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не указана</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Оплата и лицензирование</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Возможности, технические вопросы и ошибки</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сотрудничество</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>программа работает медленно</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не удаётся найти товар в каталоге</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>при просмотре журнала продаж за какой-то день возникает ошибка</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>прибыль считается некорректно</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Программа и версия</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Журналы за день проблемы</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Настройки программы</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сведения о компьютере</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вложения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Резервная копия базы данных</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Текст обращения</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Шаг остановлен: превышено время {limit:.0f} с.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Внутренняя ошибка: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GBS.Market на этом компьютере не найдена — собирать нечего. Убедитесь, что программа установлена, запустите её и повторите.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Папка системного корня не найдена: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Сетевой путь {path} недоступен в системном корне</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Версия {installed} актуальна.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Версия программы не определена — сравнить не с чем.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось проверить обновления: адрес проверки не настроен.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось проверить обновления: сервер не сообщил номер версии.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Версия {installed} устарела, последняя — {latest}. Поддержка просит сначала обновить программу по инструкции на gbsmarket.ru.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Версия {installed} новее опубликованной ({latest}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось проверить обновления (нет связи с сервером: {error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось создать папку для данных сборщика {path}: {error}. Проверьте права на папку или укажите другую в переменной окружения {env}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось создать папку {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} не является программой Windows ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не удалось открыть {name}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Файл не похож на экспорт реестра: нет заголовка «{header}».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Строка {line} экспорта реестра не разобрана: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Реестр Windows недоступен в этой системе</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Нет файла {name} в системном корне</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>список служб недоступен: systemctl не найден</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systemctl: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>службы Windows недоступны: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systemctl не ответил: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
