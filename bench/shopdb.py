"""bench/shopdb.py: a shop-like Firebird database for every bench (real data compresses 4–8:1).

The demo database (``collector.demo_db``) compresses about 63:1: its rows repeat. That is fine
for tests and wrong for measuring compression, where real shop databases give 4–8:1. This
generator fills the demo's schema (the program's shape as far as known) the way a shop does,
plus what a till keeps beside it:

* goods: thousands of distinct Russian names built from product, brand, variant and size, valid
  EAN-13 barcodes (a brand's own manufacturer code, extra barcodes for some goods), prices with
  kopecks, a purchase price, stock, descriptions for some, small JPEG photos for a few;
* contractors: suppliers (ООО/ИП, INN) and customers (ФИО, phone, e-mail, discount card);
* years of documents: receipts every few days from suppliers with many lines, sales receipts
  through the day (lines chosen by popularity, weighted goods by the gram, prices drifting with
  inflation, discounts for card holders), a few returns; each sale with its payment (card mask,
  RRN, authorisation code or cash and change), its fiscal data (FD number, fiscal sign) and, for
  marked goods, the «Честный знак» code of each line;
* the till's event log: shifts opened and closed with their totals.

What makes real data compress 4–8:1 is there: unique names and codes, random digits (fiscal
signs, RRNs, marking codes), binary numbers and timestamps, JPEG blobs. Rows are produced inside
the engine (EXECUTE BLOCK with a seeded linear congruential generator), so the database is the
same on every machine and a gigabyte takes minutes.

    .venv/bin/python bench/shopdb.py --size-mb 256     # make (cached), then gbak + 7zz -mx5

prints the .fbk's compression ratio with ``7zz a -mx5``. Other benches call
:func:`shop_database`, which caches under ``.cache/bench/`` (whole files only).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CACHE = REPO / ".cache" / "bench"
VERSION = 2  # bump when the generator changes: cached databases are keyed by it
YEARS = 3
RATIO_RANGE = (4.0, 8.0)  # what real shop backups give with 7-Zip -mx5

EXTRA_SCHEMA = [
    """CREATE TABLE GOODS_BARCODES (
        ID INTEGER NOT NULL PRIMARY KEY,
        GOODS_ID INTEGER NOT NULL REFERENCES GOODS(ID),
        BARCODE VARCHAR(50) NOT NULL)""",
    """CREATE TABLE GOODS_IMAGES (
        GOODS_ID INTEGER NOT NULL PRIMARY KEY REFERENCES GOODS(ID),
        IMAGE BLOB SUB_TYPE BINARY)""",
    """CREATE TABLE PAYMENTS (
        ID INTEGER NOT NULL PRIMARY KEY,
        DOC_ID INTEGER NOT NULL REFERENCES DOCUMENTS(ID),
        PAY_TYPE SMALLINT NOT NULL,
        AMOUNT NUMERIC(15,2) NOT NULL,
        TENDERED NUMERIC(15,2),
        CARD_MASK VARCHAR(20),
        RRN VARCHAR(12),
        AUTH_CODE VARCHAR(6))""",
    """CREATE TABLE FISCAL_RECEIPTS (
        DOC_ID INTEGER NOT NULL PRIMARY KEY REFERENCES DOCUMENTS(ID),
        FN_NUMBER VARCHAR(16) NOT NULL,
        FD_NUMBER INTEGER NOT NULL,
        FISCAL_SIGN VARCHAR(10) NOT NULL,
        SHIFT_NO INTEGER NOT NULL,
        CASHIER_ID INTEGER REFERENCES USERS(ID))""",
    """CREATE TABLE DOC_ITEM_MARKS (
        ID INTEGER NOT NULL PRIMARY KEY,
        ITEM_ID INTEGER NOT NULL REFERENCES DOC_ITEMS(ID),
        CODE VARCHAR(128) NOT NULL)""",
    """CREATE TABLE EVENTS_LOG (
        ID INTEGER NOT NULL PRIMARY KEY,
        EVENT_TIME TIMESTAMP NOT NULL,
        USER_ID INTEGER REFERENCES USERS(ID),
        EVENT_TYPE SMALLINT NOT NULL,
        MESSAGE VARCHAR(1000))""",
    "CREATE INDEX IDX_DOC_ITEMS_DOC ON DOC_ITEMS(DOC_ID)",
    "CREATE INDEX IDX_EVENTS_TIME ON EVENTS_LOG(EVENT_TIME)",
]

# (group, subgroup, products, variants, sizes, price range, marked, by weight)
CATALOG = [
    ("Молочная продукция", "Молоко и сливки",
     ["Молоко", "Молоко ультрапастеризованное", "Молоко топлёное", "Сливки питьевые",
      "Молоко безлактозное"], ["1,5%", "2,5%", "3,2%", "3,5%", "4%", "6%", "10%", "20%"],
     ["200 мл", "500 мл", "930 мл", "950 г", "1 л", "1,4 л"], (49, 219), True, False),
    ("Молочная продукция", "Кисломолочные",
     ["Кефир", "Ряженка", "Варенец", "Простокваша", "Айран", "Тан", "Снежок", "Бифидок"],
     ["1%", "2,5%", "3,2%", "4%", "обезжиренный"], ["250 г", "450 г", "500 мл", "900 мл", "1 л"],
     (45, 159), True, False),
    ("Молочная продукция", "Йогурты и десерты",
     ["Йогурт питьевой", "Йогурт густой", "Творожок", "Сырок глазированный", "Пудинг",
      "Десерт творожный", "Биойогурт"],
     ["клубника", "черника", "персик", "ваниль", "манго-маракуйя", "злаки", "вишня", "банан",
      "малина", "без добавок", "карамель", "какао"], ["40 г", "100 г", "125 г", "270 г", "290 г"],
     (29, 139), True, False),
    ("Молочная продукция", "Сыры",
     ["Сыр", "Сыр плавленый", "Сыр рассольный", "Сыр с плесенью", "Сыр творожный"],
     ["Российский", "Голландский", "Гауда", "Маасдам", "Пошехонский", "Моцарелла", "Сулугуни",
      "Брынза", "Пармезан", "Эдам", "сливочный", "с зеленью"], ["150 г", "200 г", "250 г", "кг"],
     (99, 1490), True, True),
    ("Хлеб и выпечка", "Хлеб",
     ["Хлеб", "Батон", "Багет", "Лаваш", "Хлебцы", "Булка"],
     ["Бородинский", "пшеничный", "ржаной", "нарезной", "с отрубями", "зерновой", "на закваске",
      "Дарницкий", "гречневый", "с тмином"], ["250 г", "300 г", "350 г", "400 г", "700 г"],
     (29, 139), False, False),
    ("Хлеб и выпечка", "Выпечка",
     ["Круассан", "Пирожок", "Слойка", "Ватрушка", "Кекс", "Рулет бисквитный", "Сочник"],
     ["с вишней", "с творогом", "с капустой", "с яблоком", "с маком", "шоколадный",
      "со сгущёнкой", "с картофелем", "с мясом"], ["70 г", "80 г", "100 г", "200 г", "300 г"],
     (25, 259), False, False),
    ("Бакалея", "Крупы",
     ["Гречка", "Рис", "Пшено", "Овсяные хлопья", "Перловка", "Булгур", "Киноа", "Манка",
      "Горох колотый", "Чечевица"],
     ["ядрица", "круглозёрный", "длиннозёрный", "пропаренный", "Геркулес", "красная",
      "шлифованный", "быстрого приготовления"],
     ["400 г", "500 г", "800 г", "900 г", "5×80 г"], (49, 289), False, False),
    ("Бакалея", "Макароны",
     ["Макароны", "Спагетти", "Вермишель", "Рожки", "Перья", "Лапша яичная", "Фузилли"],
     ["из твёрдых сортов", "высший сорт", "цельнозерновые", "паутинка", "№ 5", "№ 27"],
     ["250 г", "400 г", "450 г", "500 г", "1 кг"], (39, 199), False, False),
    ("Бакалея", "Сахар, соль, мука",
     ["Сахар-песок", "Сахар тростниковый", "Сахар-рафинад", "Соль поваренная", "Мука пшеничная",
      "Мука ржаная", "Крахмал картофельный", "Сода пищевая"],
     ["высший сорт", "йодированная", "экстра", "первый сорт", "помол № 1"],
     ["500 г", "900 г", "1 кг", "2 кг", "5 кг"], (19, 349), False, False),
    ("Бакалея", "Масло и соусы",
     ["Масло подсолнечное", "Масло оливковое", "Майонез", "Кетчуп", "Горчица", "Соус соевый",
      "Аджика", "Хрен столовый"],
     ["рафинированное", "нерафинированное", "Extra Virgin", "Провансаль 67%", "острый",
      "томатный", "классический", "лёгкий 30%"], ["190 г", "250 мл", "400 г", "500 мл", "1 л"],
     (39, 899), False, False),
    ("Бакалея", "Консервы",
     ["Горошек зелёный", "Кукуруза сладкая", "Фасоль красная", "Тушёнка говяжья",
      "Сайра в масле", "Шпроты", "Икра кабачковая", "Огурцы маринованные", "Томаты в соку"],
     ["ГОСТ", "высший сорт", "в собственном соку", "с добавлением масла", "по-домашнему"],
     ["240 г", "310 г", "325 г", "400 г", "680 г"], (69, 399), False, False),
    ("Напитки", "Вода",
     ["Вода питьевая", "Вода минеральная", "Вода детская"],
     ["негазированная", "газированная", "слабогазированная", "лечебно-столовая"],
     ["0,33 л", "0,5 л", "1 л", "1,5 л", "5 л"], (29, 169), True, False),
    ("Напитки", "Соки и напитки",
     ["Сок", "Нектар", "Морс", "Компот", "Лимонад", "Квас", "Холодный чай", "Энергетик"],
     ["яблочный", "апельсиновый", "томатный", "мультифрукт", "вишнёвый", "клюквенный",
      "Тархун", "Дюшес", "лимон", "персик", "хлебный", "осветлённый"],
     ["0,2 л", "0,33 л", "0,5 л", "0,97 л", "1 л", "1,5 л", "2 л"], (35, 259), False, False),
    ("Напитки", "Чай и кофе",
     ["Чай чёрный", "Чай зелёный", "Кофе молотый", "Кофе в зёрнах", "Кофе растворимый",
      "Какао-порошок", "Цикорий"],
     ["листовой", "пакетированный 25×2 г", "с бергамотом", "Эрл Грей", "арабика 100%",
      "сублимированный", "классический", "с жасмином", "эспрессо"],
     ["75 г", "100 г", "190 г", "250 г", "1 кг"], (89, 1590), False, False),
    ("Кондитерские изделия", "Шоколад и конфеты",
     ["Шоколад", "Конфеты", "Батончик", "Мармелад", "Зефир", "Пастила", "Ирис", "Драже"],
     ["молочный", "горький 72%", "с фундуком", "белый", "пористый", "ассорти", "желейный",
      "ванильный", "в шоколаде", "с изюмом", "с миндалём", "трюфель"],
     ["35 г", "50 г", "90 г", "100 г", "200 г", "250 г", "кг"], (39, 899), False, True),
    ("Кондитерские изделия", "Печенье",
     ["Печенье", "Пряники", "Вафли", "Сушки", "Крекер", "Галеты", "Торт вафельный"],
     ["сахарное", "овсяное", "сдобное", "мятные", "с начинкой", "Юбилейное", "к чаю",
      "солёный", "шоколадные", "лимонные"], ["112 г", "150 г", "200 г", "300 г", "кг"],
     (35, 449), False, True),
    ("Бытовая химия", "Стирка",
     ["Порошок стиральный", "Гель для стирки", "Кондиционер для белья", "Пятновыводитель",
      "Капсулы для стирки"],
     ["автомат", "для цветного", "для белого", "детский", "горная свежесть", "универсальный",
      "концентрат"], ["450 г", "1 л", "2,4 кг", "3 кг", "4,5 кг", "15 шт"], (119, 1490), False,
     False),
    ("Бытовая химия", "Уборка",
     ["Средство для мытья посуды", "Чистящее средство", "Средство для стёкол", "Отбеливатель",
      "Освежитель воздуха", "Губки для посуды", "Мешки для мусора"],
     ["лимон", "алоэ вера", "антижир", "хвоя", "морской бриз", "120 л", "60 л", "5 шт"],
     ["300 мл", "450 мл", "500 мл", "750 мл", "1 л", "20 шт"], (39, 499), False, False),
    ("Гигиена", "Уход",
     ["Шампунь", "Бальзам для волос", "Гель для душа", "Мыло туалетное", "Зубная паста",
      "Зубная щётка", "Дезодорант", "Крем для рук", "Туалетная бумага", "Салфетки влажные"],
     ["для всех типов", "ромашка", "мята", "отбеливающая", "средней жёсткости", "детское",
      "двухслойная", "антибактериальные", "увлажняющий", "для мужчин"],
     ["75 мл", "100 мл", "250 мл", "400 мл", "4 рулона", "72 шт"], (39, 699), True, False),
    ("Табак", "Сигареты",
     ["Сигареты", "Сигариллы", "Стики для нагревания", "Табак для самокруток"],
     ["Ява", "Прима", "Петр I", "Тройка", "Русский стиль", "Космос", "Святой Георгий",
      "Донской табак", "Максим", "Арктика", "Золотое руно"],
     ["20 шт", "компакт 20 шт", "суперслим 20 шт", "30 г", "40 г"], (149, 329), True, False),
    ("Овощи и фрукты", "Овощи",
     ["Картофель", "Морковь", "Лук репчатый", "Капуста белокочанная", "Огурцы", "Томаты",
      "Перец сладкий", "Свёкла", "Кабачки", "Чеснок", "Баклажаны", "Редис"],
     ["мытый", "молодой", "тепличные", "грунтовые", "розовые", "черри", "красный", "жёлтый",
      "местный", "Азербайджан", "Узбекистан"], ["кг"], (29, 399), False, True),
    ("Овощи и фрукты", "Фрукты",
     ["Яблоки", "Груши", "Бананы", "Апельсины", "Мандарины", "Лимоны", "Виноград", "Киви",
      "Хурма", "Гранаты", "Персики", "Абрикосы"],
     ["Гала", "Голден", "Семеренко", "Конференция", "Эквадор", "Марокко", "Абхазия",
      "кишмиш", "Королёк", "Турция", "Египет"], ["кг"], (59, 699), False, True),
    ("Мясо и птица", "Мясо",
     ["Говядина", "Свинина", "Баранина", "Фарш", "Шашлык", "Котлеты"],
     ["лопатка", "вырезка", "корейка", "шея", "окорок", "грудинка", "домашний", "говяжий",
      "куриный", "по-карски", "маринованный", "на кости"], ["кг", "400 г", "500 г", "1 кг"],
     (249, 1290), True, True),
    ("Мясо и птица", "Птица",
     ["Курица", "Цыплёнок-бройлер", "Филе куриное", "Бедро куриное", "Крылья куриные",
      "Голень куриная", "Индейка филе", "Печень куриная"],
     ["охлаждённое", "замороженное", "тушка", "подложка", "на кости", "без кожи"],
     ["кг", "600 г", "800 г", "1 кг"], (159, 699), True, True),
    ("Мясо и птица", "Колбасы",
     ["Колбаса варёная", "Колбаса сырокопчёная", "Колбаса варёно-копчёная", "Сосиски",
      "Сардельки", "Ветчина", "Буженина", "Карбонад", "Бекон"],
     ["Докторская", "Молочная", "Сервелат", "Московская", "Салями", "Краковская", "Сливочные",
      "Венские", "Любительская", "Охотничьи", "Русская", "из индейки"],
     ["кг", "300 г", "350 г", "400 г", "500 г"], (139, 1490), True, True),
    ("Рыба и морепродукты", "Рыба",
     ["Сельдь", "Скумбрия", "Горбуша", "Минтай", "Треска", "Форель", "Сёмга", "Килька",
      "Кальмар", "Креветки"],
     ["слабосолёная", "холодного копчения", "горячего копчения", "свежемороженая", "филе",
      "в масле", "пряного посола", "тушка", "варёно-мороженые"], ["кг", "200 г", "300 г",
                                                                "500 г"],
     (99, 1990), True, True),
    ("Заморозка", "Полуфабрикаты",
     ["Пельмени", "Вареники", "Блинчики", "Чебуреки", "Хинкали", "Котлеты", "Наггетсы",
      "Манты", "Голубцы", "Пицца"],
     ["Сибирские", "домашние", "с картофелем", "с вишней", "с мясом", "с творогом",
      "из говядины", "куриные", "Маргарита", "Пепперони", "Уральские"],
     ["300 г", "400 г", "450 г", "800 г", "900 г", "1 кг"], (89, 699), False, False),
    ("Заморозка", "Мороженое",
     ["Мороженое", "Эскимо", "Рожок", "Брикет", "Фруктовый лёд"],
     ["Пломбир", "крем-брюле", "шоколадное", "ванильное", "клубничное", "фисташковое",
      "Лакомка", "с вареньем", "в вафельном стаканчике"], ["60 г", "80 г", "90 г", "450 г",
                                                           "1 кг"],
     (29, 449), True, False),
    ("Алкоголь", "Пиво",
     ["Пиво светлое", "Пиво тёмное", "Пиво нефильтрованное", "Напиток пивной", "Сидр"],
     ["Жигулёвское", "Бархатное", "лагер", "пшеничное", "яблочный", "грушевый", "безалкогольное",
      "крепкое"], ["0,45 л", "0,5 л", "1,3 л", "1,5 л"], (59, 259), True, False),
    ("Товары для дома", "Хозтовары",
     ["Батарейки", "Лампа светодиодная", "Спички", "Свечи", "Фольга", "Плёнка пищевая",
      "Пакеты фасовочные", "Зажигалка", "Перчатки хозяйственные", "Удлинитель"],
     ["АА", "ААА", "E27 10 Вт", "E14 7 Вт", "хозяйственные", "20 м", "30 м", "размер M",
      "3 розетки"], ["1 шт", "2 шт", "4 шт", "10 шт", "100 шт"], (15, 899), False, False),
    ("Детские товары", "Детское питание",
     ["Пюре фруктовое", "Каша молочная", "Смесь сухая", "Сок детский", "Печенье детское",
      "Подгузники"], ["яблоко", "груша", "гречневая", "овсяная", "с 6 месяцев", "с 4 месяцев",
                      "размер 3", "размер 4", "тыква", "чернослив"],
     ["90 г", "125 мл", "200 г", "350 г", "600 г", "52 шт"], (39, 1790), True, False),
    ("Зоотовары", "Корма",
     ["Корм для кошек", "Корм для собак", "Наполнитель", "Лакомство для собак"],
     ["с курицей", "с говядиной", "с лососем", "для стерилизованных", "комкующийся",
      "древесный", "в соусе", "в желе"], ["75 г", "85 г", "400 г", "1,5 кг", "5 л", "10 кг"],
     (25, 1290), False, False),
]

BRAND_START = ["Бур", "Дом", "Зор", "Вес", "Сел", "Мол", "Рус", "Вол", "Луг", "Сев", "Кра",
               "Ста", "Бел", "Сиб", "Ура", "Дар", "Сла", "Кал", "Пол", "Нов", "Тал", "Гор",
               "Яро", "Мир", "Лад", "Сад", "Вят", "Кам", "Тве", "Руз", "Ман", "Ива"]
BRAND_MID = ["ен", "ов", "ин", "ич", "ал", "ор", "ян", "ур", "ет", "ок", "ад", "ис", "уш", ""]
BRAND_END = ["ка", "ье", "ский", "ское", "ушка", "ово", "ница", "ный", "ия", "ёнок", "инка",
             "ичи", "ея", "о", "ушки"]
FIRST_M = ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван",
           "Михаил", "Артём", "Николай", "Владимир", "Павел", "Роман", "Олег", "Игорь", "Юрий",
           "Виктор", "Константин", "Денис", "Кирилл", "Антон", "Василий", "Григорий", "Тимур"]
FIRST_F = ["Елена", "Ольга", "Наталья", "Татьяна", "Анна", "Мария", "Ирина", "Светлана",
           "Екатерина", "Юлия", "Анастасия", "Марина", "Людмила", "Галина", "Дарья", "Ксения",
           "Валентина", "Надежда", "Вера", "Любовь", "Алина", "Полина", "Виктория", "Зоя"]
SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
            "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
            "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев",
            "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев",
            "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров",
            "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков",
            "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов",
            "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов",
            "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов"]
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
                     "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sch", "", "y", "",
                     "e", "yu", "ya"], strict=True))
MAIL_DOMAINS = ["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru", "rambler.ru"]
SUPPLIER_KINDS = ["ООО", "ООО", "ООО", "ИП", "АО", "ООО ТД"]
SUPPLIER_WORDS = ["Продторг", "Молочный край", "Хлебозавод №2", "Агрокомплекс", "Мясной двор",
                  "Северная рыба", "Бытхимснаб", "Кондитер", "Напитки Поволжья", "Фрукт-Импорт",
                  "Табачная дистрибуция", "Бакалея-Опт", "Заморозка", "Зоомир", "Детский мир",
                  "Хозтовары", "Пивоваренная компания", "Овощебаза №3", "Сырный дом",
                  "Колбасный цех", "Чайная лига", "Птицефабрика", "Торговый дом", "Логистик"]
USERS = [("Администратор", "admin"), ("Кассир Иванова Е.", "cashier"),
         ("Кассир Смирнов А.", "cashier"), ("Кассир Петрова О.", "cashier"),
         ("Старший кассир Орлова Н.", "senior"), ("Товаровед Кузнецова М.", "merchandiser")]
DESCRIPTION_PARTS = [
    "Состав: {a}.", "Пищевая ценность на 100 г: белки {p} г, жиры {f} г, углеводы {c} г.",
    "Энергетическая ценность {k} ккал.", "Хранить при температуре от +{t1} до +{t2} °C.",
    "Срок годности {d} суток.", "Изготовитель: {m}, {city}.", "ТУ {tu}.", "ГОСТ {gost}.",
    "Страна происхождения: {country}.", "Упаковано в защитной атмосфере.",
]
INGREDIENTS = ["молоко нормализованное", "сахар", "закваска", "соль", "мука пшеничная",
               "вода питьевая", "масло растительное", "крахмал", "ароматизатор", "пектин",
               "какао-порошок", "сухое молоко", "яичный порошок", "дрожжи", "лимонная кислота",
               "специи", "томатная паста", "уксус", "мясо говяжье", "мясо свиное"]
CITIES = ["г. Москва", "г. Тверь", "г. Казань", "г. Самара", "г. Воронеж", "г. Вологда",
          "г. Екатеринбург", "г. Новосибирск", "г. Краснодар", "г. Пенза", "г. Рязань"]
COUNTRIES = ["Россия", "Россия", "Россия", "Беларусь", "Казахстан", "Турция", "Китай"]


def ean13(prefix12: str) -> str:
    digits = [int(c) for c in prefix12]
    check = (10 - (sum(digits[0::2]) + 3 * sum(digits[1::2])) % 10) % 10
    return prefix12 + str(check)


def brand_names(rnd: random.Random, n: int) -> list[str]:
    seen: set[str] = set()
    while len(seen) < n:
        name = rnd.choice(BRAND_START) + rnd.choice(BRAND_MID) + rnd.choice(BRAND_END)
        seen.add(name[0] + name[1:].lower())
    return sorted(seen)


def _price(rnd: random.Random, low: int, high: int) -> float:
    value = low * (high / low) ** rnd.random()
    if value > 100 and rnd.random() < 0.6:
        return float(int(value) // 10 * 10 + 9) + rnd.choice([0.0, 0.9, 0.99, 0.5])
    return round(value, 2)


def make_goods(rnd: random.Random, count: int) -> list[tuple]:
    """``(name, group index, subgroup index, article, barcode, unit, price, purchase, stock,
    marked, description)`` for ``count`` distinct goods."""
    brands = brand_names(rnd, 400)
    makers = {b: f"460{rnd.randrange(10**5, 10**6)}" for b in brands}  # GS1 Russia + company
    goods: list[tuple] = []
    names: set[str] = set()
    while len(goods) < count:
        ci = rnd.randrange(len(CATALOG))
        _group, _sub, products, variants, sizes, (low, high), marked, weighted = CATALOG[ci]
        brand = rnd.choice(brands)
        size = rnd.choice(sizes)
        name = f"{rnd.choice(products)} «{brand}» {rnd.choice(variants)}"
        by_weight = weighted and size == "кг"
        name += ", кг" if by_weight else f" {size}"
        if name in names:
            continue
        names.add(name)
        price = _price(rnd, low, high)
        if by_weight:  # in-store code: 2, a department, the PLU, the weight left zero
            barcode = ean13(f"2{rnd.randrange(10, 99)}{len(goods) % 10**5:05d}0000")
        else:
            barcode = ean13(f"{makers[brand]}{rnd.randrange(1000):03d}")
        article = f"{brand[:3].upper()}-{rnd.randrange(100, 99999)}"
        description = None
        if rnd.random() < 0.4:
            description = " ".join(_description(rnd, brand) for _ in range(rnd.randrange(2, 6)))
        goods.append((name, ci, article, barcode, "кг" if by_weight else "шт", price,
                      round(price * rnd.uniform(0.62, 0.82), 2),
                      round(rnd.uniform(0, 40), 3) if by_weight else rnd.randrange(0, 240),
                      int(marked and rnd.random() < 0.85), description))
    return goods


def _description(rnd: random.Random, brand: str) -> str:
    part = rnd.choice(DESCRIPTION_PARTS)
    return part.format(
        a=", ".join(rnd.sample(INGREDIENTS, rnd.randrange(3, 8))),
        p=f"{rnd.uniform(0, 25):.1f}", f=f"{rnd.uniform(0, 35):.1f}",
        c=f"{rnd.uniform(0, 70):.1f}", k=rnd.randrange(20, 600), t1=rnd.randrange(0, 4),
        t2=rnd.randrange(4, 25), d=rnd.randrange(3, 365),
        m=f"{rnd.choice(SUPPLIER_KINDS)} «{brand}»", city=rnd.choice(CITIES),
        tu=f"{rnd.randrange(1000, 9999)}-{rnd.randrange(100, 999)}-{rnd.randrange(10**7, 10**8)}"
           f"-{rnd.randrange(2010, 2026)}",
        gost=f"{rnd.randrange(30000, 34999)}-{rnd.randrange(2010, 2026)}",
        country=rnd.choice(COUNTRIES))


def make_image(rnd: random.Random, size: int) -> bytes:
    """A small JPEG photo-like picture (gradient, shapes, noise): what a catalogue stores."""
    from PIL import Image, ImageDraw, ImageFilter

    w = h = size
    img = Image.effect_noise((w, h), rnd.uniform(20, 60)).convert("RGB")
    base = Image.new("RGB", (w, h), tuple(rnd.randrange(256) for _ in range(3)))
    img = Image.blend(base, img, 0.35)
    draw = ImageDraw.Draw(img)
    for _ in range(rnd.randrange(3, 9)):
        x0, y0 = rnd.randrange(w), rnd.randrange(h)
        draw.ellipse((x0, y0, x0 + rnd.randrange(10, w), y0 + rnd.randrange(10, h)),
                     fill=tuple(rnd.randrange(256) for _ in range(3)))
    img = img.filter(ImageFilter.GaussianBlur(rnd.uniform(0.3, 1.2)))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=rnd.randrange(70, 90))
    return out.getvalue()


def _person(rnd: random.Random) -> tuple[str, str]:
    female = rnd.random() < 0.6
    first = rnd.choice(FIRST_F if female else FIRST_M)
    father = rnd.choice(FIRST_M)
    patronymic = (father[:-1] + "ична" if father.endswith("й") else father + "овна") if female \
        else (father[:-1] + "евич" if father.endswith("й") else father + "ович")
    surname = rnd.choice(SURNAMES) + ("а" if female else "")
    return f"{surname} {first} {patronymic}", first


def _translit(text: str) -> str:
    return "".join(TRANSLIT.get(c, c) for c in text.lower())


def make_contractors(rnd: random.Random, customers: int) -> tuple[list[tuple], int]:
    """Suppliers first, then customers: ``(name, inn, phone, email, card)``; and the count of
    suppliers."""
    rows: list[tuple] = []
    for word in SUPPLIER_WORDS:
        kind = rnd.choice(SUPPLIER_KINDS)
        inn = str(rnd.randrange(10**11, 10**12)) if kind == "ИП" else \
            str(rnd.randrange(10**9, 10**10))
        name = f"ИП {_person(rnd)[0]}" if kind == "ИП" else f"{kind} «{word}»"
        rows.append((name, inn, f"+7 {rnd.randrange(300, 999)} {rnd.randrange(100, 999)}-"
                     f"{rnd.randrange(10, 99)}-{rnd.randrange(10, 99)}",
                     f"zakaz@{_translit(word.split()[0])[:12]}.ru", None))
    suppliers = len(rows)
    for _ in range(customers):
        name, first = _person(rnd)
        email = None
        if rnd.random() < 0.45:
            email = (f"{_translit(first)}.{_translit(name.split()[0])}"
                     f"{rnd.choice(['', str(rnd.randrange(70, 2010))])}@{rnd.choice(MAIL_DOMAINS)}")
        rows.append((name, None, f"+7 9{rnd.randrange(10, 99)} {rnd.randrange(100, 999)}-"
                     f"{rnd.randrange(10, 99)}-{rnd.randrange(10, 99)}", email,
                     ean13(f"2770{rnd.randrange(10**7, 10**8)}")))
    return rows, suppliers


# One day of a shop, made inside the engine. X is a 31-bit linear congruential generator
# (x → (1103515245·x + 12345) mod 2³¹, products fit a BIGINT), seeded per day from Python.
DAY_BLOCK = """
EXECUTE BLOCK (
    DOC0 INTEGER = ?, ITEM0 INTEGER = ?, PAY0 INTEGER = ?, MARK0 INTEGER = ?, EV0 INTEGER = ?,
    FD0 INTEGER = ?, DAY_START TIMESTAMP = ?, N INTEGER = ?, PURCHASES INTEGER = ?,
    GOODS_N INTEGER = ?, SUP_N INTEGER = ?, CUST0 INTEGER = ?, CUST_N INTEGER = ?,
    PRICE_K DOUBLE PRECISION = ?, SEED BIGINT = ?, SHIFT_NO INTEGER = ?, CASHIER INTEGER = ?)
RETURNS (DOCS INTEGER, ITEMS INTEGER, PAYS INTEGER, MARKS INTEGER, EVENTS INTEGER)
AS
DECLARE X BIGINT;
DECLARE I INTEGER;
DECLARE J INTEGER;
DECLARE K INTEGER;
DECLARE L INTEGER;
DECLARE D INTEGER;
DECLARE G INTEGER;
DECLARE R DOUBLE PRECISION;
DECLARE T TIMESTAMP;
DECLARE CUST INTEGER;
DECLARE PRICE NUMERIC(15,2);
DECLARE PURCHASE NUMERIC(15,2);
DECLARE MARKED SMALLINT;
DECLARE UNIT VARCHAR(20);
DECLARE BARCODE VARCHAR(50);
DECLARE Q NUMERIC(15,3);
DECLARE P NUMERIC(15,2);
DECLARE DISC NUMERIC(15,2);
DECLARE TOTAL NUMERIC(15,2);
DECLARE REVENUE NUMERIC(15,2);
DECLARE CODE VARCHAR(128);
DECLARE CHARS VARCHAR(80) =
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!"%&''*+-./_,:;=<>?';
BEGIN
  X = SEED; DOCS = 0; ITEMS = 0; PAYS = 0; MARKS = 0; EVENTS = 0; REVENUE = 0;
  EVENTS = EVENTS + 1;
  INSERT INTO EVENTS_LOG (ID, EVENT_TIME, USER_ID, EVENT_TYPE, MESSAGE)
  VALUES (:EV0 + :EVENTS, DATEADD(-5 MINUTE TO :DAY_START), :CASHIER, 1,
          'Открыта смена № ' || :SHIFT_NO || '. Кассир: ' ||
          (SELECT NAME FROM USERS WHERE ID = :CASHIER) || '. ФН 7281440500' || :SHIFT_NO);
  -- Goods received from suppliers: long documents, purchase prices.
  I = 0;
  WHILE (I < PURCHASES) DO BEGIN
    X = MOD(X * 1103515245 + 12345, 2147483648);
    D = DOC0 + DOCS + 1; DOCS = DOCS + 1;
    INSERT INTO DOCUMENTS (ID, DOC_TYPE, DOC_NUMBER, DOC_DATE, CONTRACTOR_ID, TOTAL, PAID,
                           COMMENT)
    VALUES (:D, 2, 'ПН-' || LPAD(:D, 7, '0'), DATEADD(MOD(:X, 3600) SECOND TO :DAY_START),
            MOD(:X / 7, :SUP_N) + 1, 0, 0,
            'Накладная № ' || MOD(:X / 3, 99991) || ' от ' || CAST(CAST(:DAY_START AS DATE)
            AS VARCHAR(10)) || IIF(MOD(:X, 5) = 0, ', расхождение по количеству', ''));
    TOTAL = 0;
    X = MOD(X * 1103515245 + 12345, 2147483648);
    L = 12 + MOD(X, 50); J = 0;
    WHILE (J < L) DO BEGIN
      X = MOD(X * 1103515245 + 12345, 2147483648);
      G = 1 + MOD(X, GOODS_N);
      SELECT PURCHASE_PRICE, UNIT FROM GOODS WHERE ID = :G INTO :PURCHASE, :UNIT;
      X = MOD(X * 1103515245 + 12345, 2147483648);
      Q = IIF(UNIT = 'кг', (2000 + MOD(X, 38000)) / 1000.0, 6 * (1 + MOD(X, 20)));
      P = ROUND(PURCHASE * PRICE_K * (0.97 + MOD(X / 32, 60) / 1000.0), 2);
      ITEMS = ITEMS + 1;
      INSERT INTO DOC_ITEMS (ID, DOC_ID, GOODS_ID, QUANTITY, PRICE, PURCHASE_PRICE, DISCOUNT)
      VALUES (:ITEM0 + :ITEMS, :D, :G, :Q, :P, :P, 0);
      TOTAL = TOTAL + ROUND(Q * P, 2);
      J = J + 1;
    END
    UPDATE DOCUMENTS SET TOTAL = :TOTAL, PAID = IIF(MOD(:X, 3) = 0, 0, :TOTAL) WHERE ID = :D;
    I = I + 1;
  END
  -- Sales through the day, 8:00 to 22:00, in time order.
  I = 0;
  WHILE (I < N) DO BEGIN
    X = MOD(X * 1103515245 + 12345, 2147483648);
    T = DATEADD((I * 50400 / N + MOD(X, 50400 / N + 1)) SECOND TO DAY_START);
    X = MOD(X * 1103515245 + 12345, 2147483648);
    CUST = IIF(MOD(X, 100) < 28, CUST0 + MOD(X / 128, CUST_N), NULL);
    D = DOC0 + DOCS + 1; DOCS = DOCS + 1;
    X = MOD(X * 1103515245 + 12345, 2147483648);
    INSERT INTO DOCUMENTS (ID, DOC_TYPE, DOC_NUMBER, DOC_DATE, CONTRACTOR_ID, TOTAL, PAID,
                           COMMENT)
    VALUES (:D, IIF(MOD(:X, 211) = 0, 3, 1), LPAD(:SHIFT_NO, 5, '0') || '/' || LPAD(:I + 1, 4, '0'),
            :T, :CUST, 0, 0, IIF(MOD(:X, 211) = 0, 'Возврат: ' ||
            IIF(MOD(:X, 2) = 0, 'брак', 'не подошёл товар'), NULL));
    X = MOD(X * 1103515245 + 12345, 2147483648);
    L = 1;
    WHILE (MOD(X, 100) < 70 AND L < 30) DO BEGIN
      L = L + 1;
      X = MOD(X * 1103515245 + 12345, 2147483648);
    END
    TOTAL = 0; J = 0;
    WHILE (J < L) DO BEGIN
      X = MOD(X * 1103515245 + 12345, 2147483648);
      R = X / 2147483648.0;
      G = 1 + CAST(FLOOR(GOODS_N * R * R) AS INTEGER);
      SELECT PRICE, PURCHASE_PRICE, IS_MARKED, UNIT, BARCODE FROM GOODS WHERE ID = :G
        INTO :PRICE, :PURCHASE, :MARKED, :UNIT, :BARCODE;
      X = MOD(X * 1103515245 + 12345, 2147483648);
      Q = IIF(UNIT = 'кг', (150 + MOD(X, 2350)) / 1000.0,
              IIF(MOD(X, 100) < 82, 1, IIF(MOD(X, 100) < 95, 2, 3 + MOD(X / 100, 8))));
      P = ROUND(PRICE * PRICE_K, 2);
      DISC = IIF(CUST IS NOT NULL AND MOD(X / 7, 4) = 0, ROUND(Q * P * 0.05, 2), 0);
      ITEMS = ITEMS + 1;
      INSERT INTO DOC_ITEMS (ID, DOC_ID, GOODS_ID, QUANTITY, PRICE, PURCHASE_PRICE, DISCOUNT)
      VALUES (:ITEM0 + :ITEMS, :D, :G, :Q, :P, ROUND(:PURCHASE * :PRICE_K, 2), :DISC);
      TOTAL = TOTAL + ROUND(Q * P, 2) - DISC;
      IF (MARKED = 1) THEN BEGIN
        CODE = '01' || LPAD(BARCODE, 14, '0') || '21';
        K = 0;
        WHILE (K < 13) DO BEGIN
          X = MOD(X * 1103515245 + 12345, 2147483648);
          CODE = CODE || SUBSTRING(CHARS FROM 1 + MOD(X / 64, 80) FOR 1);
          K = K + 1;
        END
        CODE = CODE || ASCII_CHAR(29) || '93';
        K = 0;
        WHILE (K < 4) DO BEGIN
          X = MOD(X * 1103515245 + 12345, 2147483648);
          CODE = CODE || SUBSTRING(CHARS FROM 1 + MOD(X / 64, 62) FOR 1);
          K = K + 1;
        END
        MARKS = MARKS + 1;
        INSERT INTO DOC_ITEM_MARKS (ID, ITEM_ID, CODE) VALUES (:MARK0 + :MARKS, :ITEM0 + :ITEMS,
                                                               :CODE);
      END
      J = J + 1;
    END
    UPDATE DOCUMENTS SET TOTAL = :TOTAL, PAID = :TOTAL WHERE ID = :D;
    REVENUE = REVENUE + TOTAL;
    X = MOD(X * 1103515245 + 12345, 2147483648);
    PAYS = PAYS + 1;
    IF (MOD(X, 100) < 63) THEN
      INSERT INTO PAYMENTS (ID, DOC_ID, PAY_TYPE, AMOUNT, TENDERED, CARD_MASK, RRN, AUTH_CODE)
      VALUES (:PAY0 + :PAYS, :D, 2, :TOTAL, NULL,
              IIF(MOD(:X, 3) = 0, '220220', IIF(MOD(:X, 3) = 1, '427638', '553691')) ||
              '******' || LPAD(MOD(:X / 16, 10000), 4, '0'),
              LPAD(MOD(:X * 7 + 13, 1000000), 6, '0') || LPAD(MOD(:X / 3, 1000000), 6, '0'),
              LPAD(MOD(:X / 11, 1000000), 6, '0'));
    ELSE
      INSERT INTO PAYMENTS (ID, DOC_ID, PAY_TYPE, AMOUNT, TENDERED)
      VALUES (:PAY0 + :PAYS, :D, 1, :TOTAL,
              IIF(MOD(:X, 4) = 0, :TOTAL, CEILING(:TOTAL / 100.0) * 100 +
                  IIF(MOD(:X, 7) = 0, 500, 0)));
    X = MOD(X * 1103515245 + 12345, 2147483648);
    INSERT INTO FISCAL_RECEIPTS (DOC_ID, FN_NUMBER, FD_NUMBER, FISCAL_SIGN, SHIFT_NO, CASHIER_ID)
    VALUES (:D, '7281440500' || LPAD(MOD(:SHIFT_NO / 400, 1000000), 6, '0'), :FD0 + :I,
            LPAD(MOD(:X * 31 + 7, 100000), 5, '0') || LPAD(MOD(:X / 5, 100000), 5, '0'),
            :SHIFT_NO, :CASHIER);
    I = I + 1;
  END
  EVENTS = EVENTS + 1;
  INSERT INTO EVENTS_LOG (ID, EVENT_TIME, USER_ID, EVENT_TYPE, MESSAGE)
  VALUES (:EV0 + :EVENTS, DATEADD(50700 SECOND TO :DAY_START), :CASHIER, 2,
          'Закрыта смена № ' || :SHIFT_NO || '. Чеков: ' || :N || ', выручка ' || :REVENUE ||
          ' руб. Z-отчёт напечатан, ФД № ' || (:FD0 + :N));
  SUSPEND;
END
"""


def create_shop_database(path: Path, size_mb: int, *, seed: int = 16,
                         today: date | None = None, log=None) -> dict:
    """Fill a new database at ``path`` until its file reaches about ``size_mb`` MiB; returns
    the row counts. The shop's history ends ``today`` and spans about :data:`YEARS` years."""
    from collector.demo_db import SCHEMA, _create

    say = log or (lambda text: None)
    rnd = random.Random(seed)
    today = today or date.today()
    target = size_mb << 20
    goods_n = min(20000, 2000 + 8 * size_mb)
    customers_n = 300 + 3 * size_mb
    con = _create(path)
    try:
        cur = con.cursor()
        for ddl in SCHEMA + EXTRA_SCHEMA:
            cur.execute(ddl)
        con.commit()
        groups: list[tuple[int, int | None, str]] = []
        group_id: dict[str, int] = {}
        sub_id: list[int] = []
        for group, sub, *_rest in CATALOG:
            if group not in group_id:
                group_id[group] = len(groups) + 1
                groups.append((len(groups) + 1, None, group))
            groups.append((len(groups) + 1, group_id[group], sub))
            sub_id.append(len(groups))
        cur.executemany("INSERT INTO GOODS_GROUPS (ID, PARENT_ID, NAME) VALUES (?, ?, ?)", groups)
        goods = make_goods(rnd, goods_n)
        created = datetime.combine(today - timedelta(days=365 * YEARS + 30), datetime.min.time())
        cur.executemany(
            "INSERT INTO GOODS (ID, GROUP_ID, NAME, ARTICLE, BARCODE, UNIT, PRICE, "
            "PURCHASE_PRICE, QUANTITY, IS_MARKED, DESCRIPTION, CREATED_AT) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(i + 1, sub_id[ci], name, article, barcode, unit, price, purchase, stock, marked,
              description, created + timedelta(minutes=rnd.randrange(60 * 24 * 365 * YEARS)))
             for i, (name, ci, article, barcode, unit, price, purchase, stock, marked,
                     description) in enumerate(goods)])
        extra = [(g + 1, ean13(f"46{rnd.randrange(10**9, 10**10)}"))
                 for g in range(goods_n) if rnd.random() < 0.3]
        cur.executemany("INSERT INTO GOODS_BARCODES (ID, GOODS_ID, BARCODE) VALUES (?, ?, ?)",
                        [(i + 1, g, b) for i, (g, b) in enumerate(extra)])
        pictured = sorted(rnd.sample(range(1, goods_n + 1), goods_n // 25))
        for start in range(0, len(pictured), 200):
            cur.executemany("INSERT INTO GOODS_IMAGES (GOODS_ID, IMAGE) VALUES (?, ?)",
                            [(g, make_image(rnd, rnd.choice([96, 128, 160])))
                             for g in pictured[start:start + 200]])
            con.commit()
        contractors, suppliers = make_contractors(rnd, customers_n)
        cur.executemany(
            "INSERT INTO CONTRACTORS (ID, NAME, INN, PHONE, EMAIL, DISCOUNT_CARD) "
            "VALUES (?, ?, ?, ?, ?, ?)", [(i + 1, *c) for i, c in enumerate(contractors)])
        cur.executemany("INSERT INTO USERS (ID, NAME, ROLE_NAME) VALUES (?, ?, ?)",
                        [(i + 1, *u) for i, u in enumerate(USERS)])
        cur.executemany("INSERT INTO SETTINGS (NAME, VAL) VALUES (?, ?)", [
            ("ShopName", "Магазин «Продукты у дома»"), ("Currency", "RUB"),
            ("SchemaVersion", "6.6.12"), ("INN", str(rnd.randrange(10**11, 10**12))),
            ("Address", "г. Тверь, ул. Советская, д. 17"), ("KKT", "АТОЛ 30Ф"),
        ])
        con.commit()
        say(f"справочники: {goods_n} товаров, {len(contractors)} контрагентов; "
            f"{path.stat().st_size / 2**20:.0f} МиБ")
    finally:
        con.close()
    counts = _fill_days(path, target, today, goods_n, suppliers, customers_n, rnd, say)
    counts.update(goods=goods_n, customers=customers_n, suppliers=suppliers)
    return counts


def _fill_days(path: Path, target: int, today: date, goods_n: int, suppliers: int,
               customers_n: int, rnd: random.Random, say) -> dict:
    from firebird.driver import connect

    days = 365 * YEARS
    first = today - timedelta(days=days - 1)
    counts = {"docs": 0, "items": 0, "pays": 0, "marks": 0, "events": 0, "days": 0}
    start_size = path.stat().st_size
    per_day = 60  # re-estimated from the growth of the first weeks
    con = connect(str(path), user="SYSDBA", password="masterkey")
    try:
        cur = con.cursor()
        day = first
        fd = 1
        while path.stat().st_size < target:
            k = (day - first).days
            if k >= 21 and k % 30 == 21:  # aim at ending today: per day = what is left / days
                size = path.stat().st_size
                per_doc = max(1, size - start_size) / max(1, counts["docs"])
                per_day = max(20, int((target - size) / per_doc / max(1, days - k)))
            weekday_k = 1.25 if day.weekday() >= 4 else 1.0
            n = max(5, int(per_day * weekday_k * rnd.uniform(0.8, 1.2)))
            price_k = 0.8 + 0.2 * k / days  # inflation: prices rise about 8 % a year
            cur.execute(DAY_BLOCK, (
                counts["docs"], counts["items"], counts["pays"], counts["marks"],
                counts["events"], fd, datetime.combine(day, datetime.min.time()) +
                timedelta(hours=8), n, 1 if rnd.random() < 0.4 else 0, goods_n, suppliers,
                suppliers + 1, customers_n, price_k, rnd.randrange(1, 2**31), k + 1,
                rnd.randrange(2, 5)))
            docs, items, pays, marks, events = cur.fetchone()
            con.commit()
            for key, value in zip(("docs", "items", "pays", "marks", "events"),
                                  (docs, items, pays, marks, events), strict=True):
                counts[key] += value
            fd += n + 1
            counts["days"] += 1
            day += timedelta(days=1)
            if counts["days"] % 100 == 0:
                say(f"день {counts['days']}: {counts['docs']} документов, "
                    f"{path.stat().st_size / 2**20:.0f} МиБ")
    finally:
        con.close()
    return counts


def shop_database(size_mb: int, *, log=None) -> Path:
    """The cached shop database of about ``size_mb`` MiB (made in a child process, so that the
    caller carries no Firebird engine into its measurements; published whole)."""
    path = CACHE / f"shop-v{VERSION}-{size_mb}mb.fdb"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.fdb")
    tmp.unlink(missing_ok=True)
    print(f"создаю базу магазина ~{size_mb} МиБ: {path}", file=sys.stderr, flush=True)
    started = time.monotonic()
    try:
        subprocess.run([sys.executable, __file__, "--make", str(tmp), "--size-mb", str(size_mb)],
                       check=True)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    print(f"  готово за {time.monotonic() - started:.0f} с", file=sys.stderr, flush=True)
    return path


def gbak_backup(db: Path, fbk: Path) -> None:
    """``gbak -b -g`` into a file: the product's own switches (no garbage collection)."""
    subprocess.run(["gbak", "-b", "-g", "-user", "SYSDBA", str(db), str(fbk)], check=True,
                   stdin=subprocess.DEVNULL)


def shop_backup(size_mb: int) -> Path:
    """The cached ``.fbk`` of :func:`shop_database` (gbak -b -g), published whole."""
    db = shop_database(size_mb)
    fbk = db.with_suffix(".fbk")
    if not fbk.exists():
        tmp = fbk.with_name(f"{fbk.stem}.{os.getpid()}.tmp.fbk")
        try:
            gbak_backup(db, tmp)
            os.replace(tmp, fbk)
        finally:
            tmp.unlink(missing_ok=True)
    return fbk


def sevenzip_ratio(fbk: Path, level: int = 5) -> tuple[int, int, float]:
    """``(fbk bytes, 7z bytes, seconds)`` of ``7zz a -mx<level>`` on the backup alone."""
    with tempfile.TemporaryDirectory(prefix="shopdb-") as work:
        arc = Path(work) / "x.7z"
        t = time.perf_counter()
        subprocess.run(["7zz", "a", f"-mx{level}", "-bd", "-bso0", str(arc), str(fbk)],
                       check=True, stdin=subprocess.DEVNULL)
        seconds = time.perf_counter() - t
        return fbk.stat().st_size, arc.stat().st_size, seconds


def table_sizes(db: Path) -> Iterator[tuple[str, int]]:
    from firebird.driver import connect

    with connect(str(db), user="SYSDBA", password="masterkey") as con:
        cur = con.cursor()
        for table in ("GOODS", "GOODS_BARCODES", "GOODS_IMAGES", "CONTRACTORS", "DOCUMENTS",
                      "DOC_ITEMS", "PAYMENTS", "FISCAL_RECEIPTS", "DOC_ITEM_MARKS", "EVENTS_LOG"):
            cur.execute(f"SELECT COUNT(*) FROM {table}")
            yield table, cur.fetchone()[0]


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench/shopdb.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=int, default=256)
    ap.add_argument("--make", type=Path, help=argparse.SUPPRESS)  # the child's target file
    ap.add_argument("--rows", action="store_true", help="also print the row count per table")
    args = ap.parse_args()
    if args.make:
        counts = create_shop_database(args.make, args.size_mb,
                                      log=lambda t: print(t, file=sys.stderr, flush=True))
        print(f"  {counts}", file=sys.stderr, flush=True)
        return 0
    db = shop_database(args.size_mb)
    fbk = shop_backup(args.size_mb)
    if args.rows:
        for table, n in table_sizes(db):
            print(f"  {table:16} {n:>10}")
    fbk_bytes, arc_bytes, seconds = sevenzip_ratio(fbk)
    ratio = fbk_bytes / arc_bytes
    low, high = RATIO_RANGE
    verdict = "OK" if low <= ratio <= high else "ВНЕ ДИАПАЗОНА"
    print(f"база {db.name}: {db.stat().st_size / 2**20:.0f} МиБ, .fbk {fbk_bytes / 2**20:.0f} МиБ"
          f" → 7zz -mx5 {arc_bytes / 2**20:.1f} МиБ за {seconds:.1f} с")
    print(f"shopdb ratio={ratio:.2f} (цель {low:g}–{high:g}:1) {verdict}")
    return 0 if low <= ratio <= high else 1


if __name__ == "__main__":
    sys.exit(main())
