/**
 * Reading rpm's installed-package database without rpm: {@link dev.plimsoll.rpmdb.RpmDatabase} detects and reads
 * the sqlite (rpm ≥ 4.16), ndb (SUSE) and Berkeley DB hash (rpm &lt; 4.16) formats, {@link dev.plimsoll.rpmdb.RpmHeader}
 * parses the header blobs they store. Everything here treats its input as hostile: bounds are checked before use,
 * allocations are bounded by {@link dev.plimsoll.rpmdb.RpmLimits}, and every defect surfaces as an
 * {@link dev.plimsoll.rpmdb.RpmDbException}.
 */
package dev.plimsoll.rpmdb;
