package dev.plimsoll.rpmdb;

/** The three on-disk formats rpm has used for its installed-package database. */
public enum RpmDbFormat {
    /** rpm ≥ 4.16 default ({@code var/lib/rpm/rpmdb.sqlite}; RHEL/Rocky/Alma 9, Fedora ≥ 33, Amazon Linux 2023). */
    SQLITE,
    /** rpm's own "ndb" package file ({@code var/lib/rpm/Packages.db}; SUSE Linux Enterprise 15, openSUSE). */
    NDB,
    /** Berkeley DB hash database ({@code var/lib/rpm/Packages}; rpm &lt; 4.16: RHEL/CentOS ≤ 8, Amazon Linux 2). */
    BDB_HASH
}
