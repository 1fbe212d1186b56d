#include "common/Sha256.h"
#include "import/BackgroundSha256.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <thread>

using namespace chorus;

class TestSha256 : public QObject
{
    Q_OBJECT
private slots:
    void knownDigests_data();
    void knownDigests();
    void agreesWithQtForEveryLengthAndSplit();
    void backgroundHashIsTheFilesWhereverItIsTakenOver();
    void backgroundHashStopsWhenCancelled();
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

void TestSha256::backgroundHashIsTheFilesWhereverItIsTakenOver()
{
    // The import's hash of the file: a low-priority thread starts it, the caller finishes it
    // when it asks. Whenever it asks (at once, in the middle, after the end), the digest is
    // the whole file's. The file spans several of the thread's 4 MiB reads.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("input.bin");
    QByteArray bytes(9 * 1024 * 1024 + 123, '\0');
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 7919 + i / 4096) % 253);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }
    const std::string expected =
        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
    NullProgress progress;
    for (int waitMs : {0, 1, 5, 20, 300}) {
        BackgroundSha256 hash(path);
        std::this_thread::sleep_for(std::chrono::milliseconds(waitMs));
        const auto digest = hash.result(progress);
        QVERIFY2(digest, digest ? "" : digest.error().message.c_str());
        QCOMPARE(digest.value(), expected);
    }

    BackgroundSha256 missing(dir.filePath("absent.bin"));
    const auto failed = missing.result(progress);
    QVERIFY(!failed);
    QVERIFY(!failed.error().cancelled);
}

void TestSha256::backgroundHashStopsWhenCancelled()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("input.bin");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray(9 * 1024 * 1024, 'x')) > 0);
    }
    CancelToken token;
    token.request();
    const CallbackProgress cancelled({}, &token);
    BackgroundSha256 hash(path);
    const auto digest = hash.result(cancelled);
    QVERIFY(!digest);
    QVERIFY(digest.error().cancelled);
}

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
