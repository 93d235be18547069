package dev.plimsoll.vulndb.build;

import java.util.List;

/** The built-in feeds, explicitly listed: adding a feed is one line here. */
public final class Feeds {
    private Feeds() {
    }

    public static List<Feed> standard() {
        return List.of(
                new dev.plimsoll.vulndb.build.osv.OsvFeed(),
                new dev.plimsoll.vulndb.build.osv.GhsaFeed(),
                new dev.plimsoll.vulndb.build.nvd.NvdFeed(),
                new dev.plimsoll.vulndb.build.kev.KevFeed(),
                new dev.plimsoll.vulndb.build.epss.EpssFeed(),
                new dev.plimsoll.vulndb.build.debian.DebianTrackerFeed(),
                new dev.plimsoll.vulndb.build.debian.DebianListFeed(),
                new dev.plimsoll.vulndb.build.alpine.AlpineSecdbFeed(),
                new dev.plimsoll.vulndb.build.rubysec.RubySecFeed(),
                new dev.plimsoll.vulndb.build.php.FriendsOfPhpFeed(),
                new dev.plimsoll.vulndb.build.nodejs.NodeSecurityWgFeed());
    }
}
