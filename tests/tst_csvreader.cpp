#include "import/CsvReader.h"

#include <QBuffer>
#include <QTest>

using namespace chorus;

class TestCsvReader : public QObject
{
    Q_OBJECT
private slots:
    void records_data();
    void records();
    void lineNumbersFollowQuotedNewlines();
    void unterminatedQuoteIsReported();
    void recordsSpanningChunks();
    void unquotedFieldsSpanningChunks();
};

using Rows = QList<QStringList>;

static Rows readAll(const QByteArray &bytes, char delimiter = 0)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, delimiter);
    Rows rows;
    while (reader.next()) {
        QStringList row;
        for (size_t i = 0; i < reader.size(); ++i)
            row << QString::fromUtf8(reader.field(i).data(), qsizetype(reader.field(i).size()));
        rows << row;
    }
    return rows;
}

void TestCsvReader::records_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Rows>("expected");
    QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << Rows{{"a", "b"}, {"1", "2"}};
    QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << Rows{{"a", "b"}, {"1", "2"}};
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << Rows{{"a", "b"}, {"1", "2"}};
    QTest::newRow("quoted newline")
        << QByteArray("a,b\n\"line one\nline two\",x\n") << Rows{{"a", "b"}, {"line one\nline two", "x"}};
    QTest::newRow("doubled quotes")
        << QByteArray("t\n\"He said \"\"no\"\", then left\"\n") << Rows{{"t"}, {"He said \"no\", then left"}};
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBFid,x\n1,2\n") << Rows{{"id", "x"}, {"1", "2"}};
    QTest::newRow("trailing empty field") << QByteArray("a,b,\n") << Rows{{"a", "b", ""}};
    QTest::newRow("trailing empty field at end") << QByteArray("a,b,") << Rows{{"a", "b", ""}};
    QTest::newRow("tab separated") << QByteArray("a\tb\n1,5\t2\n") << Rows{{"a", "b"}, {"1,5", "2"}};
    QTest::newRow("semicolon separated") << QByteArray("a;b\n1;2\n") << Rows{{"a", "b"}, {"1", "2"}};
    QTest::newRow("emoji and accents")
        << QByteArray("t\n\"Très bien 😀, 中文\"\n") << Rows{{"t"}, {QString::fromUtf8("Très bien 😀, 中文")}};
    QTest::newRow("stray quote kept") << QByteArray("a\n5\" screen\n") << Rows{{"a"}, {"5\" screen"}};
}

void TestCsvReader::records()
{
    QFETCH(QByteArray, input);
    QFETCH(Rows, expected);
    QCOMPARE(readAll(input), expected);
}

void TestCsvReader::lineNumbersFollowQuotedNewlines()
{
    QBuffer buffer;
    buffer.setData("h\n\"a\nb\nc\"\nnext\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 1);
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 2);
    QVERIFY(reader.next());
    QCOMPARE(reader.line(), 5);
    QCOMPARE(reader.field(0), std::string_view("next"));
    QVERIFY(!reader.next());
}

void TestCsvReader::unterminatedQuoteIsReported()
{
    QBuffer buffer;
    buffer.setData("a,b\n1,\"never closed\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    QVERIFY(reader.next());
    QVERIFY(reader.recordError().empty());
    QVERIFY(reader.next());
    QVERIFY(!reader.recordError().empty());
    QCOMPARE(reader.line(), 2);
}

void TestCsvReader::recordsSpanningChunks()
{
    // Records larger than the reader's 1 MiB chunk must come through whole.
    QByteArray big(3 << 20, 'x');
    QByteArray input = "id,text\n1,\"" + big + "\"\n2,short\n";
    const Rows rows = readAll(input);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[1][1].size(), big.size());
    QCOMPARE(rows[2], (QStringList{"2", "short"}));
}

void TestCsvReader::unquotedFieldsSpanningChunks()
{
    // Unquoted fields are copied a run at a time: runs cut by a chunk boundary (including
    // a CRLF cut between its two bytes) must still join up.
    QByteArray input = "id,text,n\r\n";
    for (int i = 0; i < 4000; ++i)
        input += QByteArray::number(i) + "," + QByteArray(700 + i % 13, char('a' + i % 26)) +
                 "," + QByteArray::number(i * 7) + "\r\n";
    input += "last," + QByteArray(3 << 19, 'z') + ",end\r\n";
    const Rows rows = readAll(input);
    QCOMPARE(rows.size(), 4002);
    for (int i = 0; i < 4000; ++i) {
        const QStringList &row = rows[i + 1];
        QCOMPARE(row.size(), 3);
        QCOMPARE(row[0], QString::number(i));
        QCOMPARE(row[1], QString(700 + i % 13, QChar(char16_t('a' + i % 26))));
        QCOMPARE(row[2], QString::number(i * 7));
    }
    QCOMPARE(rows.last()[1].size(), qsizetype(3 << 19));
    QCOMPARE(rows.last()[2], QString("end"));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
