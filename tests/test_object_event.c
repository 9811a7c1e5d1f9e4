/*
 * test_object_event.c: event delivery: callbacks get the events of their
 * kind and object in queue order on the event loop, duplicates and
 * unknown ids give upstream's errors, a callback may deregister itself
 * while events are delivered, and a closing connection loses its
 * callbacks.
 */
#include "internal.h"
#include "datatypes.h"
#include "conf/object_event_types.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* The registry stores callbacks as void (*)(void), as drivers do. */
#define TEST_CB(f) ((void (*)(void))(f))

typedef struct {
    GString *log;
    virObjectEventState *state;
    int selfID;
} testCtx;

static void
lifecycleCb(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, int event,
            int detail, void *opaque)
{
    testCtx *ctx = opaque;

    g_string_append_printf(ctx->log, "%s:%d/%d;", virDomainGetName(dom),
                           event, detail);
}

static void
filteredCb(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
           int event G_GNUC_UNUSED, int detail G_GNUC_UNUSED, void *opaque)
{
    testCtx *ctx = opaque;

    g_string_append_printf(ctx->log, "only-%s;", virDomainGetName(dom));
}

static void
selfRemovingCb(virConnectPtr conn, virDomainPtr dom G_GNUC_UNUSED,
               const char *alias, void *opaque)
{
    testCtx *ctx = opaque;

    g_string_append_printf(ctx->log, "added-%s;", alias);
    g_assert_cmpint(virObjectEventStateDeregisterID(ctx->state, conn,
                                                    ctx->selfID), >=, 0);
}

static void
tick(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}

static void
runLoop(void)
{
    int i;

    /* The timer fires on the next iteration; a few are plenty. */
    for (i = 0; i < 5; i++)
        virEventRunDefaultImpl();
}

static void
testDelivery(void)
{
    virConnectPtr conn = virGetConnect();
    testCtx ctx = {g_string_new(NULL), virObjectEventStateNew(), 0};
    unsigned char uuidA[VIR_UUID_BUFLEN];
    unsigned char uuidB[VIR_UUID_BUFLEN];
    int id1;
    int id2;
    virErrorPtr err;

    memset(uuidA, 0xa, sizeof(uuidA));
    memset(uuidB, 0xb, sizeof(uuidB));
    id1 = virObjectEventStateRegisterID(
        ctx.state, conn, VIR_EVENT_KIND_DOMAIN, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        NULL, NULL, TEST_CB(lifecycleCb), &ctx, NULL,
        false);
    g_assert_cmpint(id1, >=, 0);
    g_assert_cmpint(virObjectEventStateRegisterID(
                        ctx.state, conn, VIR_EVENT_KIND_DOMAIN,
                        VIR_DOMAIN_EVENT_ID_LIFECYCLE, NULL, NULL,
                        TEST_CB(lifecycleCb), &ctx, NULL,
                        false), ==, -1);
    err = virGetLastError();
    g_assert_cmpint(err->code, ==, VIR_ERR_INVALID_ARG);
    g_assert_cmpstr(err->message, ==,
                    "invalid argument: event callback already tracked");
    virResetLastError();
    id2 = virObjectEventStateRegisterID(
        ctx.state, conn, VIR_EVENT_KIND_DOMAIN, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        uuidB, NULL, TEST_CB(filteredCb), &ctx, NULL,
        false);
    ctx.selfID = virObjectEventStateRegisterID(
        ctx.state, conn, VIR_EVENT_KIND_DOMAIN,
        VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, NULL, NULL,
        TEST_CB(selfRemovingCb), &ctx, NULL, false);
    g_assert_cmpint(virObjectEventStateEventID(ctx.state, conn, ctx.selfID),
                    ==, VIR_DOMAIN_EVENT_ID_DEVICE_ADDED);

    virObjectEventStateQueue(ctx.state, virDomainEventLifecycleNew(
                                            "a", uuidA, 1, 2, 0));
    virObjectEventStateQueue(ctx.state, virDomainEventStringNew(
                                            VIR_DOMAIN_EVENT_ID_DEVICE_ADDED,
                                            "a", uuidA, 1, "net0"));
    virObjectEventStateQueue(ctx.state, virDomainEventStringNew(
                                            VIR_DOMAIN_EVENT_ID_DEVICE_ADDED,
                                            "a", uuidA, 1, "net1"));
    virObjectEventStateQueue(ctx.state, virDomainEventLifecycleNew(
                                            "b", uuidB, 2, 5, 1));
    virObjectEventStateQueue(ctx.state, virNetworkEventLifecycleNew(
                                            "n", uuidA, 0, 0));
    g_assert_cmpstr(ctx.log->str, ==, "");
    runLoop();
    g_assert_cmpstr(ctx.log->str, ==,
                    "a:2/0;added-net0;b:5/1;only-b;");

    g_assert_cmpint(virObjectEventStateDeregisterID(ctx.state, conn,
                                                    ctx.selfID), ==, -1);
    err = virGetLastError();
    g_assert_cmpint(err->code, ==, VIR_ERR_INVALID_ARG);
    virResetLastError();
    g_assert_cmpint(virObjectEventStateDeregisterID(ctx.state, conn, id2), ==,
                    1);

    virObjectEventStateDeregisterConnection(ctx.state, conn);
    g_string_truncate(ctx.log, 0);
    virObjectEventStateQueue(ctx.state, virDomainEventLifecycleNew(
                                            "a", uuidA, 1, 2, 0));
    runLoop();
    g_assert_cmpstr(ctx.log->str, ==, "");
    g_assert_cmpint(virObjectEventStateDeregisterID(ctx.state, conn, id1), ==,
                    -1);
    virResetLastError();

    virObjectEventStateFree(ctx.state);
    g_string_free(ctx.log, TRUE);
    virObjectUnref(conn);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, NULL);
    if (virEventRegisterDefaultImpl() < 0)
        return 1;
    /* Keeps each loop iteration short once the queue is empty. */
    virEventAddTimeout(5, tick, NULL, NULL);
    g_test_add_func("/object-event/delivery", testDelivery);
    return g_test_run();
}
