#include "dialogs/AboutDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>
#include <sqlite3.h>

#include <boost/version.hpp>

namespace chorus::ui {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About Chorus"));
    // Our own text, no imported content: rich text is safe here.
    auto *text = new QLabel(this);
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setOpenExternalLinks(false);
    text->setText(
        tr("<h2>Chorus %1</h2>"
           "<p>An investigation workbench for coordinated posting campaigns. Chorus works only on "
           "the files you give it and never connects to the network.</p>"
           "<p><b>Built with</b><br>Qt %2 (running %3)<br>SQLite %4<br>QCustomPlot %5<br>"
           "Boost %6.%7.%8</p>"
           "<p><b>Data licences</b><br>Test sample <i>russian_coord_tweets</i>: from the R package "
           "CooRTweet (MIT licence), data of Kulichkina, Righetti &amp; Waldherr (2024).<br>"
           "Places: contains data from GeoNames (geonames.org, CC BY 4.0), filtered and "
           "modified; country names and codes from Debian iso-codes (LGPL 2.1+).<br>"
           "World map: made with Natural Earth (public domain), via world-atlas (ISC).</p>")
            .arg(QStringLiteral(CHORUS_VERSION), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion()), QString::fromLatin1(sqlite3_libversion()),
                 QStringLiteral(QCUSTOMPLOT_VERSION_STR))
            .arg(BOOST_VERSION / 100000)
            .arg(BOOST_VERSION / 100 % 1000)
            .arg(BOOST_VERSION % 100) +
        tr("<p><b>Licence</b><br>Chorus is free software: you may redistribute and modify it "
           "under the GNU General Public License, version 3 or later. It is linked against "
           "Qt (LGPL 3), QCustomPlot (GPL 3+), SQLite (public domain) and Boost (Boost "
           "Software License 1.0). The package's notices are in "
           "/usr/share/doc/chorus/copyright.</p>"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

} // namespace chorus::ui
