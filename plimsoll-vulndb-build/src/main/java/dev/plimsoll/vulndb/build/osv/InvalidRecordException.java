package dev.plimsoll.vulndb.build.osv;

/** A part of an OSV record that breaks the schema; its message is the reason reported to the sink. */
final class InvalidRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidRecordException(String reason) {
        super(reason, null, false, false);
    }
}
