package org.hoptrace.calls;

import java.io.IOException;

/** Takes the rows of a batch one at a time, as they are read. */
@FunctionalInterface
interface CallSink {

    void accept(RawCall call) throws IOException;
}
