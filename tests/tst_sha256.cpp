#include "common/Sha256.h"

#include <QCryptographicHash>
#include <QTest>

using namespace chorus;

class TestSha256 : public QObject
{
    Q_OBJECT
private slots:
    void knownDigests_data();
    void knownDigests();
    void agreesWithQtForEveryLengthAndSplit();
};

void TestSha256::knownDigests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("digest");
    // FIPS 180-4 examples.
    QTest::newRow("empty")
        << QByteArray()
        << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("two blocks")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

void TestSha256::knownDigests()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, digest);
    Sha256 hash;
    hash.addData(input.constData(), size_t(input.size()));
    QCOMPARE(QByteArray::fromStdString(hash.hexDigest()), digest);
}

void TestSha256::agreesWithQtForEveryLengthAndSplit()
{
    // Every length around the block and padding boundaries, fed in uneven pieces.
    qInfo("SHA extensions used: %s", Sha256::hardwareAccelerated() ? "yes" : "no");
    QByteArray data;
    for (int i = 0; i < 1100; ++i)
        data += char((i * 131 + 7) % 251);
    for (int length = 0; length <= int(data.size()); length += length < 200 ? 1 : 37) {
        const QByteArray input = data.left(length);
        for (int piece : {1, 7, 64, 65, 1000}) {
            Sha256 hash;
            for (int at = 0; at < length; at += piece)
                hash.addData(input.constData() + at, size_t(std::min(piece, length - at)));
            const QByteArray expected =
                QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex();
            QCOMPARE(QByteArray::fromStdString(hash.hexDigest()), expected);
        }
    }
}

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
