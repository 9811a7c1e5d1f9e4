/*
 * test_virevent.c: the default event loop: handles on a pipe, timeouts
 * that fire, change and stop, removal from inside a callback, free
 * callbacks, and a loop woken by another thread adding a timeout.
 */
#include <unistd.h>

#include "internal.h"
#include "util/virevent.h"

typedef struct {
    int count;
    int lastWatch;
    int lastEvents;
    int freed;
    bool removeSelf;
} counter;

static void
counterFree(void *opaque)
{
    ((counter *)opaque)->freed++;
}

static void
handleCb(int watch, int fd, int events, void *opaque)
{
    counter *c = opaque;
    char buf[16];

    c->count++;
    c->lastWatch = watch;
    c->lastEvents = events;
    if (events & VIR_EVENT_HANDLE_READABLE)
        g_assert_cmpint(read(fd, buf, sizeof(buf)), >=, 0);
    if (c->removeSelf)
        g_assert_cmpint(virEventRemoveHandle(watch), ==, 0);
}

static void
timeoutCb(int timer, void *opaque)
{
    counter *c = opaque;

    c->count++;
    c->lastWatch = timer;
    if (c->removeSelf)
        g_assert_cmpint(virEventRemoveTimeout(timer), ==, 0);
}

/* Iterates the loop without sleeping until nothing more is pending. */
static void
drain(void)
{
    while (g_main_context_iteration(NULL, FALSE))
        ;
}

/* Runs the loop (sleeping as needed) until *count reaches want. */
static void
runUntil(int *count, int want)
{
    gint64 deadline = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;

    while (*count < want) {
        g_assert_cmpint(g_get_monotonic_time(), <, deadline);
        virEventGLibRunOnce();
    }
}

static void
testHandle(void)
{
    counter c = { 0 };
    int fds[2];
    int watch;

    g_assert_cmpint(pipe(fds), ==, 0);
    watch = virEventAddHandle(fds[0], VIR_EVENT_HANDLE_READABLE, handleCb,
                              &c, counterFree);
    g_assert_cmpint(watch, >, 0);

    drain();
    g_assert_cmpint(c.count, ==, 0);

    g_assert_cmpint(write(fds[1], "x", 1), ==, 1);
    runUntil(&c.count, 1);
    g_assert_cmpint(c.lastWatch, ==, watch);
    g_assert_cmpint(c.lastEvents, ==, VIR_EVENT_HANDLE_READABLE);

    /* No events wanted: data waits unseen. */
    virEventUpdateHandle(watch, 0);
    g_assert_cmpint(write(fds[1], "y", 1), ==, 1);
    drain();
    g_assert_cmpint(c.count, ==, 1);
    virEventUpdateHandle(watch, VIR_EVENT_HANDLE_READABLE);
    runUntil(&c.count, 2);

    g_assert_cmpint(virEventRemoveHandle(watch), ==, 0);
    g_assert_cmpint(c.freed, ==, 0);
    drain();
    g_assert_cmpint(c.freed, ==, 1);
    g_assert_cmpint(virEventRemoveHandle(watch), ==, -1);

    /* Hangup is reported without being asked for. */
    c.count = 0;
    c.removeSelf = true;
    watch = virEventAddHandle(fds[0], VIR_EVENT_HANDLE_READABLE, handleCb,
                              &c, counterFree);
    close(fds[1]);
    runUntil(&c.count, 1);
    g_assert_true(c.lastEvents & VIR_EVENT_HANDLE_HANGUP);
    drain();
    g_assert_cmpint(c.count, ==, 1);
    g_assert_cmpint(c.freed, ==, 2);
    close(fds[0]);
}

static void
testTimeout(void)
{
    counter c = { 0 };
    int timer;
    int other;

    timer = virEventAddTimeout(10, timeoutCb, &c, counterFree);
    g_assert_cmpint(timer, >, 0);
    runUntil(&c.count, 3);
    g_assert_cmpint(c.lastWatch, ==, timer);

    /* -1 disables. */
    virEventUpdateTimeout(timer, -1);
    c.count = 0;
    other = virEventAddTimeout(50, timeoutCb, &(counter){ 0 }, NULL);
    g_assert_cmpint(other, >, timer);
    {
        gint64 until = g_get_monotonic_time() + 80 * 1000;

        while (g_get_monotonic_time() < until)
            g_main_context_iteration(NULL, FALSE);
    }
    g_assert_cmpint(c.count, ==, 0);
    g_assert_cmpint(virEventRemoveTimeout(other), ==, 0);

    /* 0 fires on every iteration. */
    virEventUpdateTimeout(timer, 0);
    virEventGLibRunOnce();
    virEventGLibRunOnce();
    g_assert_cmpint(c.count, >=, 2);

    g_assert_cmpint(virEventRemoveTimeout(timer), ==, 0);
    g_assert_cmpint(virEventRemoveTimeout(timer), ==, -1);
    virEventUpdateTimeout(timer, 0); /* ignored: already removed */
    drain();
    g_assert_cmpint(c.freed, ==, 1);
    c.count = 0;
    drain();
    g_assert_cmpint(c.count, ==, 0);
}

static void
testTimeoutRemoveInside(void)
{
    counter c = { .removeSelf = true };
    int timer = virEventAddTimeout(0, timeoutCb, &c, counterFree);

    g_assert_cmpint(timer, >, 0);
    runUntil(&c.count, 1);
    drain();
    g_assert_cmpint(c.count, ==, 1);
    g_assert_cmpint(c.freed, ==, 1);
}

static gpointer
adderThread(gpointer opaque)
{
    g_usleep(100 * 1000);
    virEventAddTimeout(0, timeoutCb, opaque, NULL);
    return NULL;
}

static void
testCrossThreadWakeup(void)
{
    counter c = { .removeSelf = true };
    GThread *thread;
    gint64 start = g_get_monotonic_time();

    drain();
    thread = g_thread_new("adder", adderThread, &c);
    /* Nothing else is pending: this sleeps until the other thread's
     * timeout wakes it. */
    runUntil(&c.count, 1);
    g_thread_join(thread);
    g_assert_cmpint(g_get_monotonic_time() - start, <, 3 * G_USEC_PER_SEC);
    drain();
}

static void
testRequireImpl(void)
{
    g_assert_cmpint(virEventRequireImpl(), ==, 0);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    /* Before registration nothing works, and says so. */
    g_assert_cmpint(virEventAddTimeout(0, timeoutCb, NULL, NULL), ==, -1);
    g_assert_cmpint(virEventAddHandle(0, 0, handleCb, NULL, NULL), ==, -1);
    g_assert_cmpint(virEventRemoveHandle(1), ==, -1);
    g_assert_cmpint(virEventRequireImpl(), ==, -1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_CONFIG_UNSUPPORTED);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "unsupported configuration: An event loop implementation must be registered");
    virResetLastError();

    virEventGLibRegister();
    virEventGLibRegister();

    g_test_add_func("/virevent/require", testRequireImpl);
    g_test_add_func("/virevent/handle", testHandle);
    g_test_add_func("/virevent/timeout", testTimeout);
    g_test_add_func("/virevent/timeout-remove-inside", testTimeoutRemoveInside);
    g_test_add_func("/virevent/cross-thread", testCrossThreadWakeup);
    return g_test_run();
}
