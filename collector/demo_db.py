"""A realistic GBS.Market-like Firebird database for the demo, the tests and the benchmarks.

Made with the Firebird embedded engine (firebird-driver + libfbclient + the Engine12 plugin), so
the file is a real ODS 12 database that gbak, the services API and a server all accept. The
schema mirrors what a retail program keeps: goods in groups with barcodes and Cyrillic names,
contractors, documents (sales, receipts, returns) and their lines, a sales journal per day.
Bulk rows are produced inside the engine (EXECUTE BLOCK), so a 1 GB database takes minutes, not
hours.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

from firebird.driver import create_database, driver_config

SCHEMA = [
    """CREATE TABLE GOODS_GROUPS (
        ID INTEGER NOT NULL PRIMARY KEY,
        PARENT_ID INTEGER,
        NAME VARCHAR(200) NOT NULL)""",
    """CREATE TABLE GOODS (
        ID INTEGER NOT NULL PRIMARY KEY,
        GROUP_ID INTEGER REFERENCES GOODS_GROUPS(ID),
        NAME VARCHAR(300) NOT NULL,
        ARTICLE VARCHAR(50),
        BARCODE VARCHAR(50),
        UNIT VARCHAR(20) DEFAULT 'шт',
        PRICE NUMERIC(15,2) DEFAULT 0 NOT NULL,
        PURCHASE_PRICE NUMERIC(15,2) DEFAULT 0 NOT NULL,
        QUANTITY NUMERIC(15,3) DEFAULT 0 NOT NULL,
        IS_MARKED SMALLINT DEFAULT 0,
        DESCRIPTION BLOB SUB_TYPE TEXT,
        CREATED_AT TIMESTAMP DEFAULT CURRENT_TIMESTAMP)""",
    "CREATE INDEX IDX_GOODS_BARCODE ON GOODS(BARCODE)",
    "CREATE INDEX IDX_GOODS_NAME ON GOODS(NAME)",
    """CREATE TABLE CONTRACTORS (
        ID INTEGER NOT NULL PRIMARY KEY,
        NAME VARCHAR(300) NOT NULL,
        INN VARCHAR(12),
        PHONE VARCHAR(30),
        EMAIL VARCHAR(100),
        DISCOUNT_CARD VARCHAR(30))""",
    """CREATE TABLE DOCUMENTS (
        ID INTEGER NOT NULL PRIMARY KEY,
        DOC_TYPE SMALLINT NOT NULL,
        DOC_NUMBER VARCHAR(30) NOT NULL,
        DOC_DATE TIMESTAMP NOT NULL,
        CONTRACTOR_ID INTEGER REFERENCES CONTRACTORS(ID),
        TOTAL NUMERIC(15,2) DEFAULT 0 NOT NULL,
        PAID NUMERIC(15,2) DEFAULT 0 NOT NULL,
        COMMENT VARCHAR(500),
        IS_DELETED SMALLINT DEFAULT 0)""",
    "CREATE INDEX IDX_DOCUMENTS_DATE ON DOCUMENTS(DOC_DATE)",
    """CREATE TABLE DOC_ITEMS (
        ID INTEGER NOT NULL PRIMARY KEY,
        DOC_ID INTEGER NOT NULL REFERENCES DOCUMENTS(ID),
        GOODS_ID INTEGER NOT NULL REFERENCES GOODS(ID),
        QUANTITY NUMERIC(15,3) NOT NULL,
        PRICE NUMERIC(15,2) NOT NULL,
        PURCHASE_PRICE NUMERIC(15,2) NOT NULL,
        DISCOUNT NUMERIC(15,2) DEFAULT 0)""",
    """CREATE TABLE USERS (
        ID INTEGER NOT NULL PRIMARY KEY,
        NAME VARCHAR(100) NOT NULL,
        ROLE_NAME VARCHAR(50))""",
    """CREATE TABLE SETTINGS (
        NAME VARCHAR(100) NOT NULL PRIMARY KEY,
        VAL VARCHAR(1000))""",
    """CREATE VIEW SALES_JOURNAL (DAY_DATE, DOCS, REVENUE, COST) AS
        SELECT CAST(D.DOC_DATE AS DATE), COUNT(DISTINCT D.ID), SUM(I.QUANTITY * I.PRICE),
               SUM(I.QUANTITY * I.PURCHASE_PRICE)
        FROM DOCUMENTS D JOIN DOC_ITEMS I ON I.DOC_ID = D.ID
        WHERE D.DOC_TYPE = 1 AND D.IS_DELETED = 0
        GROUP BY CAST(D.DOC_DATE AS DATE)""",
]

GROUPS = ["Молочная продукция", "Хлеб и выпечка", "Бакалея", "Напитки", "Кондитерские изделия",
          "Бытовая химия", "Табак", "Овощи и фрукты", "Мясо и птица", "Заморозка"]
GOODS = [
    ("Молоко «Простоквашино» 3,2% 930 мл", 1, 89.90), ("Кефир 2,5% 1 л", 1, 79.50),
    ("Сметана 20% 300 г", 1, 99.00), ("Творог 9% 200 г", 1, 119.00),
    ("Хлеб «Бородинский» 400 г", 2, 54.00), ("Батон нарезной 350 г", 2, 42.00),
    ("Гречка ядрица 900 г", 3, 109.90), ("Рис круглозёрный 800 г", 3, 95.00),
    ("Сахар-песок 1 кг", 3, 79.00), ("Вода «Святой источник» 1,5 л", 4, 49.90),
    ("Сок яблочный 1 л", 4, 129.00), ("Шоколад «Алёнка» 90 г", 5, 89.00),
    ("Печенье «Юбилейное» 112 г", 5, 59.90), ("Порошок стиральный 3 кг", 6, 499.00),
    ("Сигареты «Ява» (маркированные)", 7, 175.00), ("Яблоки «Гала», кг", 8, 159.00),
    ("Картофель, кг", 8, 39.90), ("Курица охлаждённая, кг", 9, 269.00),
    ("Пельмени «Сибирские» 800 г", 10, 349.00), ("Мороженое «Пломбир» 80 г", 10, 65.00),
]
CONTRACTORS = [
    ("ООО «Молочный край»", "7701234567", "+7 495 123-45-67"),
    ("ИП Петров Сергей Иванович", "502712345678", "+7 916 555-12-34"),
    ("ООО «Хлебозавод №1»", "7809876543", "+7 812 444-00-11"),
    ("Покупатель (розница)", None, None),
]
USERS = [("Администратор", "admin"), ("Кассир Иванова", "cashier"), ("Кассир Смирнов", "cashier")]

ProgressFn = Callable[[int, int], None]


def create_demo_database(
    path: Path,
    *,
    today: date | None = None,
    extra_goods: int = 500,
    documents: int = 2000,
    description_bytes: int = 200,
    seed: int = 6,
    progress: ProgressFn | None = None,
) -> Path:
    """Create ``path`` (which must not exist) and fill it.

    ``extra_goods``, ``documents`` and ``description_bytes`` scale the size: the defaults give a
    few megabytes; :func:`rows_for_size` picks them for a target size.
    """
    today = today or date.today()
    rnd = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _create(path)
    try:
        cur = con.cursor()
        for ddl in SCHEMA:
            cur.execute(ddl)
        con.commit()
        cur.executemany("INSERT INTO GOODS_GROUPS (ID, PARENT_ID, NAME) VALUES (?, NULL, ?)",
                        [(i + 1, name) for i, name in enumerate(GROUPS)])
        cur.executemany(
            "INSERT INTO GOODS (ID, GROUP_ID, NAME, ARTICLE, BARCODE, PRICE, PURCHASE_PRICE, "
            "QUANTITY, IS_MARKED, DESCRIPTION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (i + 1, g, name, f"A-{1000 + i}", f"46{rnd.randrange(10**10, 10**11)}",
                 price, round(price * 0.72, 2), rnd.randrange(0, 200), int(g == 7),
                 f"{name}. Поставщик: {CONTRACTORS[i % 3][0]}.")
                for i, (name, g, price) in enumerate(GOODS)
            ],
        )
        cur.executemany(
            "INSERT INTO CONTRACTORS (ID, NAME, INN, PHONE) VALUES (?, ?, ?, ?)",
            [(i + 1, *c) for i, c in enumerate(CONTRACTORS)],
        )
        cur.executemany("INSERT INTO USERS (ID, NAME, ROLE_NAME) VALUES (?, ?, ?)",
                        [(i + 1, *u) for i, u in enumerate(USERS)])
        cur.executemany("INSERT INTO SETTINGS (NAME, VAL) VALUES (?, ?)", [
            ("ShopName", "Магазин «У дома»"), ("Currency", "RUB"), ("SchemaVersion", "6.6.12"),
        ])
        con.commit()
        _bulk(con, extra_goods, documents, description_bytes, today, progress)
    finally:
        con.close()
    return path


def _create(path: Path):
    """A new database with an 8 KB page (the program's own) and async writes while filling it."""
    defaults = driver_config.db_defaults
    saved = (defaults.page_size.value, defaults.forced_writes.value)
    defaults.page_size.value, defaults.forced_writes.value = 8192, False
    try:
        return create_database(str(path), user="SYSDBA", password="masterkey", charset="UTF8")
    finally:
        defaults.page_size.value, defaults.forced_writes.value = saved


def _bulk(con, extra_goods: int, documents: int, description_bytes: int, today: date,
          progress: ProgressFn | None) -> None:
    cur = con.cursor()
    base_goods = len(GOODS)
    total_steps = max(1, (extra_goods + documents) // 1000 + 1)
    step = 0
    # Goods: one EXECUTE BLOCK per thousand rows keeps transactions small and progress visible.
    filler = "Состав, условия хранения и происхождение товара; " * (description_bytes // 50 + 1)
    filler = filler[: max(0, description_bytes)]
    for start in range(0, extra_goods, 1000):
        n = min(1000, extra_goods - start)
        cur.execute(
            """EXECUTE BLOCK (START_ID INTEGER = ?, N INTEGER = ?, FILLER VARCHAR(8000) = ?) AS
            DECLARE I INTEGER = 0;
            BEGIN
              WHILE (I < N) DO BEGIN
                INSERT INTO GOODS (ID, GROUP_ID, NAME, ARTICLE, BARCODE, PRICE, PURCHASE_PRICE,
                                   QUANTITY, DESCRIPTION)
                VALUES (:START_ID + :I, MOD(:START_ID + :I, 10) + 1,
                        'Товар №' || (:START_ID + :I) || ' — ассортимент «Весна»',
                        'B-' || (:START_ID + :I), '2' || LPAD(:START_ID + :I, 12, '0'),
                        10 + MOD(:START_ID + :I, 990), 7 + MOD(:START_ID + :I, 700),
                        MOD(:START_ID + :I, 50), :FILLER);
                I = I + 1;
              END
            END""",
            (base_goods + start + 1, n, filler),
        )
        con.commit()
        step += 1
        if progress:
            progress(step, total_steps)
    total_goods = base_goods + extra_goods
    # Documents over the last 90 days, each with 3 lines; sales mostly.
    for start in range(0, documents, 1000):
        n = min(1000, documents - start)
        cur.execute(
            """EXECUTE BLOCK (START_ID INTEGER = ?, N INTEGER = ?, GOODS_N INTEGER = ?,
                              TODAY DATE = ?) AS
            DECLARE I INTEGER = 0;
            DECLARE D INTEGER;
            DECLARE J INTEGER;
            BEGIN
              WHILE (I < N) DO BEGIN
                D = :START_ID + :I;
                INSERT INTO DOCUMENTS (ID, DOC_TYPE, DOC_NUMBER, DOC_DATE, CONTRACTOR_ID, TOTAL,
                                       PAID, COMMENT)
                VALUES (:D, IIF(MOD(:D, 10) = 0, 2, IIF(MOD(:D, 17) = 0, 3, 1)),
                        'ПР-' || LPAD(:D, 6, '0'),
                        DATEADD(-MOD(:D, 90) DAY TO CAST(:TODAY AS TIMESTAMP))
                          + (MOD(:D * 7, 600) + 480) / 1440.0,
                        MOD(:D, 4) + 1, 0, 0,
                        IIF(MOD(:D, 5) = 0, 'Продажа по карте лояльности', NULL));
                J = 0;
                WHILE (J < 3) DO BEGIN
                  INSERT INTO DOC_ITEMS (ID, DOC_ID, GOODS_ID, QUANTITY, PRICE, PURCHASE_PRICE)
                  VALUES (:D * 3 + :J, :D, MOD(:D * 13 + :J * 7, :GOODS_N) + 1,
                          1 + MOD(:D + :J, 3), 50 + MOD(:D + :J * 11, 400),
                          35 + MOD(:D + :J * 11, 280));
                  J = J + 1;
                END
                UPDATE DOCUMENTS SET TOTAL = (SELECT SUM(QUANTITY * PRICE) FROM DOC_ITEMS
                                              WHERE DOC_ID = :D),
                                     PAID = TOTAL WHERE ID = :D;
                I = I + 1;
              END
            END""",
            (start + 1, n, total_goods, today),
        )
        con.commit()
        step += 1
        if progress:
            progress(step, total_steps)


def rows_for_size(target_mb: int) -> dict[str, int]:
    """Parameters of :func:`create_demo_database` for roughly ``target_mb`` megabytes.

    Measured on Firebird 3.0.11, page size 8192: a goods row with a 2000-character description
    (Cyrillic, so about 3.7 KB of UTF-8) takes about 4.5 KB on disk with its indexes, a document
    with its three lines about 0.41 KB; an empty demo database is about 5 MB.
    """
    target = max(0, target_mb - 5) * 2**20
    docs = max(2000, int(target * 0.25 / 410))
    goods = max(500, int(target * 0.75 / 4500))
    return {"extra_goods": goods, "documents": docs, "description_bytes": 2000}
