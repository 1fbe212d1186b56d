// The location resolver against the gazetteer the build derived: the cases the issue names,
// bad input, and accuracy on a labelled list of 670 realistic profile locations
// (tests/data/geo/locations.tsv, written by hand, not tuned to the resolver).
#include "TestSupport.h"

#include "geo/LocationResolver.h"

#include <QFile>
#include <QTest>

using namespace chorus;

class TestGeoResolver : public QObject
{
    Q_OBJECT
    std::shared_ptr<const Gazetteer> m_gazetteer;
    std::unique_ptr<LocationResolver> m_resolver;

    ResolvedLocation resolve(const char *text) const { return m_resolver->resolve(text); }

    // The resolved city is called `expected` (by its name or one of its other names).
    bool isCity(const ResolvedLocation &r, const std::string &expected) const
    {
        if (r.granularity != Granularity::City)
            return false;
        if (Gazetteer::fold(r.city) == Gazetteer::fold(expected))
            return true;
        if (const auto *refs = m_gazetteer->lookup(Gazetteer::fold(expected)))
            for (const PlaceRef &ref : *refs)
                if (ref.kind == PlaceKind::City &&
                    m_gazetteer->cities()[ref.index].name == r.city &&
                    m_gazetteer->cities()[ref.index].country == r.country)
                    return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        auto loaded = Gazetteer::standard();
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        m_gazetteer = loaded.value();
        m_resolver = std::make_unique<LocationResolver>(m_gazetteer);
        QVERIFY(m_gazetteer->cities().size() > 100000);
        QVERIFY(!m_gazetteer->version().empty());
    }

    void namedCases()
    {
        ResolvedLocation r = resolve("Kirkland Lake, ON");
        QCOMPARE(r.country, std::string("CA"));
        QCOMPARE(r.city, std::string("Kirkland Lake"));
        QCOMPARE(r.admin1, std::string("Ontario"));
        QVERIFY(r.granularity == Granularity::City);
        r = resolve("Waikato District, New Zealand");
        QCOMPARE(r.country, std::string("NZ"));
        QVERIFY(r.granularity == Granularity::Region);
        r = resolve("Toronto \xF0\x9F\x87\xA8\xF0\x9F\x87\xA6");
        QCOMPARE(r.city, std::string("Toronto"));
        QCOMPARE(r.country, std::string("CA"));
        r = resolve("somewhere in Canada");
        QCOMPARE(r.country, std::string("CA"));
        QVERIFY(r.granularity == Granularity::Country);
        r = resolve("39.2904,-76.6122");
        QCOMPARE(r.country, std::string("US"));
        QVERIFY(r.lat.has_value());
        QCOMPARE(*r.lat, 39.2904);
        r = resolve("London & Paris");
        QVERIFY(r.country.empty());
        QVERIFY(r.granularity == Granularity::None);
        QVERIFY(r.candidates.size() >= 2);
        for (const char *none :
             {"he/him", "\xF0\x9F\x8C\x8D", "Planet Earth", "127.0.0.1", "Twitter"})
            QVERIFY2(resolve(none).granularity == Granularity::None, none);
        // An ambiguous name alone is not guessed: no city, and the candidates are listed.
        r = resolve("Salem");
        QVERIFY(r.granularity != Granularity::City);
        QVERIFY(!r.candidates.empty());
        r = resolve("Georgia");
        QVERIFY(r.country.empty());
        QVERIFY(r.candidates.size() >= 2);
        QCOMPARE(resolve("Atlanta, Georgia").country, std::string("US"));
        QCOMPARE(resolve("Tbilisi, Georgia").country, std::string("GE"));
    }

    void badInputIsUnresolved()
    {
        QVERIFY(resolve("").granularity == Granularity::None);
        const std::string huge(100 * 1024, 'a');
        QVERIFY(m_resolver->resolve(huge).granularity == Granularity::None);
        const std::string binary("\x00\x01\x02\xff\xfe Paris", 11);
        QVERIFY(m_resolver->resolve(binary).granularity == Granularity::None);
        QVERIFY(resolve("Par\xC3\x28is").granularity == Granularity::None); // invalid UTF-8
        // Right-to-left marks around a real place do not hide it.
        QCOMPARE(resolve("\xE2\x80\x8F"
                         "القاهرة"
                         "\xE2\x80\x8F")
                     .country,
                 std::string("EG"));
        QVERIFY(resolve("\xE2\x80\x8F\xE2\x80\x8E").granularity == Granularity::None);
    }

    void accuracyOnLabelledLocations()
    {
        QFile file(test::dataPath("geo/locations.tsv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        int countryRows = 0, countryRight = 0, cityRows = 0, cityRight = 0, nonPlaces = 0,
            nonPlacesLeft = 0, ambiguous = 0, ambiguousNotGuessed = 0;
        QStringList misses;
        file.readLine(); // header
        while (!file.atEnd()) {
            QByteArray line = file.readLine();
            if (line.endsWith('\n'))
                line.chop(1);
            const QList<QByteArray> f = line.split('\t');
            QCOMPARE(f.size(), 4);
            const std::string text = f[0].toStdString(), country = f[1].toStdString(),
                              city = f[2].toStdString(), kind = f[3].toStdString();
            const ResolvedLocation r = m_resolver->resolve(text);
            auto miss = [&] {
                misses << QString::fromStdString(text + " -> " + r.country + "/" + r.city + " (" +
                                                 kind + " " + country + "/" + city + ")");
            };
            if (!country.empty()) {
                ++countryRows;
                if (r.country == country)
                    ++countryRight;
                else
                    miss();
            }
            if (kind == "city") {
                ++cityRows;
                if (isCity(r, city))
                    ++cityRight;
                else if (r.country == country)
                    miss();
            }
            if (kind == "nonplace") {
                ++nonPlaces;
                if (r.granularity == Granularity::None)
                    ++nonPlacesLeft;
                else
                    miss();
            }
            if (kind == "ambiguous") {
                ++ambiguous;
                if (r.granularity != Granularity::City)
                    ++ambiguousNotGuessed;
                else
                    miss();
            }
        }
        const double countryShare = double(countryRight) / countryRows;
        const double cityShare = double(cityRight) / cityRows;
        const double nonPlaceShare = double(nonPlacesLeft) / nonPlaces;
        const double ambiguousShare = double(ambiguousNotGuessed) / ambiguous;
        qInfo("country right %d/%d (%.1f%%), city right %d/%d (%.1f%%), non-places left "
              "unresolved %d/%d (%.1f%%), ambiguous not guessed %d/%d (%.1f%%)",
              countryRight, countryRows, 100 * countryShare, cityRight, cityRows, 100 * cityShare,
              nonPlacesLeft, nonPlaces, 100 * nonPlaceShare, ambiguousNotGuessed, ambiguous,
              100 * ambiguousShare);
        if (qEnvironmentVariableIsSet("CHORUS_SHOW_MISSES"))
            for (const QString &m : misses)
                qInfo("%s", qPrintable(m));
        QVERIFY(countryShare >= 0.90);
        QVERIFY(cityShare >= 0.75);
        QVERIFY(nonPlaceShare >= 0.90);
        QVERIFY(ambiguousShare >= 0.90);
    }
};

QTEST_GUILESS_MAIN(TestGeoResolver)
#include "tst_geo_resolver.moc"
