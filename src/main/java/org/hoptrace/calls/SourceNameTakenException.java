package org.hoptrace.calls;

/** Another source has this name (names are compared ignoring case). */
class SourceNameTakenException extends RuntimeException {

    SourceNameTakenException(String name) {
        super("A source named '" + name + "' is registered already");
    }
}
