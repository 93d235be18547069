package dev.plimsoll.rpmdb;

/** Where a database backend hands each header blob it finds. */
interface HeaderSink {

    /**
     * @param recordNumber rpm's number for the header (sqlite hnum, ndb package index, Berkeley DB key), by which the
     *                     result is ordered
     * @param where        the record as an error message should name it, e.g. {@code "hnum 12"}
     * @param blob         the header blob, at most {@link RpmLimits#maxHeaderBytes()} long
     */
    void accept(long recordNumber, String where, byte[] blob) throws RpmDbException;
}
