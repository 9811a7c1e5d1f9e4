/*
 * test_stream.h: the test driver's in-memory streams.
 *
 * A stream handed to a driver call (a volume download or upload, a
 * console, a screenshot) gets one of three behaviours: a source that
 * hands out bytes and holes prepared up front, a sink that gathers what
 * the application sends and gives it to the driver when the stream is
 * finished, or an echo that sends back whatever it is sent (a console
 * whose guest repeats its input).  All of them support non-blocking use
 * and the stream event callbacks, run from the application's event loop.
 */
#pragma once

#include "internal.h"
#include "datatypes.h"

/* A piece of a stream's content: data, or a hole (data NULL) that reads
 * as len zero bytes. */
typedef struct _testStreamChunk testStreamChunk;
struct _testStreamChunk {
    char *data;
    unsigned long long len;
};

/* An array of testStreamChunk that frees the data of its elements. */
GArray *testStreamChunksNew(void);
void testStreamChunksAddData(GArray *chunks, const char *data, size_t len);
void testStreamChunksAddHole(GArray *chunks, unsigned long long len);

typedef enum {
    /* No calls that read holes (virStreamRecvFlags, virStreamRecvHole
     * are unsupported), as upstream's local file streams; holes read as
     * zeros. */
    TEST_STREAM_NO_HOLES,
    /* The hole calls work, but holes read as zeros. */
    TEST_STREAM_HOLES_AS_ZEROS,
    /* Holes are announced to virStreamRecvFlags(STOP_AT_HOLE) callers. */
    TEST_STREAM_HOLES_SPARSE,
} testStreamHoles;

/* Hands out *chunks (taken) to virStreamRecv and friends. */
int testStreamOpenSource(virStreamPtr st, GArray **chunks,
                         testStreamHoles holes);

/* A sink's commit: gets what was sent (data and, with sparse, holes) when
 * the application finishes the stream.  Returns 0, or -1 with an error
 * reported (the finish then fails). */
typedef int (*testStreamCommitFunc)(GArray *chunks, void *opaque);

/* Gathers at most limit bytes (holes included), reporting
 * upstream's "cannot write to stream" beyond; commit runs on finish and
 * never on abort.  freeOpaque releases opaque with the stream. */
int testStreamOpenSink(virStreamPtr st, unsigned long long limit,
                       bool sparse, testStreamCommitFunc commit,
                       void *opaque, GDestroyNotify freeOpaque);

/* Called once when the application finishes or aborts an echo stream
 * (which cannot read holes either). */
typedef void (*testStreamCloseFunc)(virStreamPtr st, void *opaque);

int testStreamOpenEcho(virStreamPtr st, testStreamCloseFunc onClose,
                       void *opaque, GDestroyNotify freeOpaque);

/* Ends a stream from the driver's side (the console was taken over, the
 * domain stopped): readers see the end, writers an error, and event
 * callbacks a hangup.  The close callback is not called. */
void testStreamHangup(virStreamPtr st);
