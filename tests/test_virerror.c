/*
 * test_virerror.c: unit tests for error reporting (util/virerror.c and the
 * public API in libvirt-error.c).
 *
 * Checks upstream's message wording, how the helpers fill the virError
 * fields, that errors are per thread, the save/copy/free calls and which
 * callback virDispatchError runs.
 */
#define VIR_ENUM_SENTINELS

#include "internal.h"
#include "datatypes.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* A connection needs only its lock and fields here, not the core library. */
static const virClass testConnClass = {
    .name = "testConnect",
    .size = sizeof(struct _virConnect),
};

static virConnectPtr
testConnNew(void)
{
    return virObjectNew(&testConnClass);
}

static void
testConnFree(virConnectPtr conn)
{
    virResetError(&conn->err);
    virObjectUnref(conn);
}

static void
testMessageTable(void)
{
    int code;

    g_assert_cmpstr(virErrorMsg(VIR_ERR_INVALID_ARG, NULL), ==,
                    "invalid argument");
    g_assert_cmpstr(virErrorMsg(VIR_ERR_INVALID_ARG, "x"), ==,
                    "invalid argument: %s");
    g_assert_cmpstr(virErrorMsg(VIR_ERR_NO_SUPPORT, NULL), ==,
                    "this function is not supported by the connection driver");
    g_assert_cmpstr(
        virErrorMsg(VIR_ERR_NO_SUPPORT, "x"), ==,
        "this function is not supported by the connection driver: %s");
    g_assert_cmpstr(virErrorMsg(VIR_ERR_NO_DOMAIN, NULL), ==,
                    "Domain not found");
    g_assert_cmpstr(virErrorMsg(VIR_ERR_INVALID_CONN, "x"), ==,
                    "invalid connection pointer in %s");
    g_assert_cmpstr(virErrorMsg(VIR_ERR_OPERATION_DENIED, NULL), ==,
                    "operation forbidden for read only access");
    g_assert_cmpstr(virErrorMsg(VIR_ERR_DOM_EXIST, "x"), ==,
                    "domain %s exists already");
    g_assert_cmpstr(virErrorMsg(VIR_ERR_SYSTEM_ERROR, "x"), ==, "%s");
    g_assert_cmpstr(virErrorMsg(VIR_ERR_MULTIPLE_DOMAINS, NULL), ==,
                    "multiple matching domains found");
    g_assert_null(virErrorMsg(VIR_ERR_OK, NULL));
    g_assert_null(virErrorMsg(VIR_ERR_NUMBER_LAST, NULL));
    g_assert_null(virErrorMsg(-1, NULL));

    /* Every real code has both forms, the detailed one with one %s. */
    for (code = 1; code < VIR_ERR_NUMBER_LAST; code++) {
        const char *msginfo = virErrorMsg(code, "x");
        const char *pct;

        g_assert_nonnull(virErrorMsg(code, NULL));
        g_assert_nonnull(msginfo);
        pct = strstr(msginfo, "%s");
        g_assert_nonnull(pct);
        g_assert_null(strchr(pct + 2, '%'));
    }
}

static void
testReportFields(void)
{
    virErrorPtr err;

    virResetLastError();
    g_assert_null(virGetLastError());
    g_assert_cmpstr(virGetLastErrorMessage(), ==, "no error");
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_OK);
    g_assert_cmpint(virGetLastErrorDomain(), ==, VIR_FROM_NONE);

    errno = EBADF;
    virReportError(VIR_ERR_INVALID_ARG, "bad value '%s'", "foo");
    g_assert_cmpint(errno, ==, EBADF);
    err = virGetLastError();
    g_assert_nonnull(err);
    g_assert_cmpint(err->code, ==, VIR_ERR_INVALID_ARG);
    g_assert_cmpint(err->domain, ==, VIR_FROM_TEST);
    g_assert_cmpint(err->level, ==, VIR_ERR_ERROR);
    g_assert_cmpstr(err->message, ==, "invalid argument: bad value 'foo'");
    g_assert_cmpstr(err->str1, ==, "invalid argument: %s");
    g_assert_cmpstr(err->str2, ==, "bad value 'foo'");
    g_assert_null(err->str3);
    g_assert_cmpint(err->int1, ==, -1);
    g_assert_cmpint(err->int2, ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "invalid argument: bad value 'foo'");
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_INVALID_ARG);
    g_assert_cmpint(virGetLastErrorDomain(), ==, VIR_FROM_TEST);

    /* No detail: the generic text alone, as upstream's test driver gives. */
    virReportErrorHelper(VIR_FROM_TEST, VIR_ERR_NO_DOMAIN, __FILE__, __func__,
                         __LINE__, NULL);
    err = virGetLastError();
    g_assert_cmpstr(err->message, ==, "Domain not found");
    g_assert_cmpstr(err->str1, ==, "Domain not found");
    g_assert_null(err->str2);

    virReportSystemError(ENOENT, "failed to open %s", "/nope");
    err = virGetLastError();
    g_assert_cmpint(err->code, ==, VIR_ERR_SYSTEM_ERROR);
    g_assert_cmpstr(err->message, ==,
                    "failed to open /nope: No such file or directory");
    g_assert_cmpint(err->int1, ==, ENOENT);

    /* Argument checks: message as formatted, no generic prefix. */
    {
        const char *name = NULL;

        virCheckNonNullArgGoto(name, done);
        g_assert_not_reached();
    }
done:
    err = virGetLastError();
    g_assert_cmpint(err->code, ==, VIR_ERR_INVALID_ARG);
    g_assert_cmpstr(err->message, ==,
                    "name in testReportFields must not be NULL");
    g_assert_cmpstr(err->str1, ==, "testReportFields");
    g_assert_cmpstr(err->str2, ==, "name");
    g_assert_cmpint(err->int1, ==, 0);

    virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_NET,
                      VIR_ERR_OPERATION_FAILED, VIR_ERR_WARNING, "a", "b", "c",
                      3, 4, NULL);
    err = virGetLastError();
    g_assert_cmpstr(err->message, ==, "No error message provided");
    g_assert_cmpint(err->level, ==, VIR_ERR_WARNING);
    g_assert_cmpstr(err->str3, ==, "c");
    g_assert_cmpint(err->int2, ==, 4);

    virResetLastError();
    g_assert_null(virGetLastError());
}

static gpointer
testThreadBody(gpointer data)
{
    /* A new thread starts clean whatever the others hold. */
    if (virGetLastError() != NULL)
        return GINT_TO_POINTER(1);
    virReportError(VIR_ERR_OPERATION_INVALID, "in thread");
    if (virGetLastErrorCode() != VIR_ERR_OPERATION_INVALID)
        return GINT_TO_POINTER(2);
    return GINT_TO_POINTER(0);
}

static void
testPerThread(void)
{
    GThread *a;
    GThread *b;

    virReportError(VIR_ERR_INTERNAL_ERROR, "in main");
    a = g_thread_new("err-a", testThreadBody, NULL);
    b = g_thread_new("err-b", testThreadBody, NULL);
    g_assert_cmpint(GPOINTER_TO_INT(g_thread_join(a)), ==, 0);
    g_assert_cmpint(GPOINTER_TO_INT(g_thread_join(b)), ==, 0);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_INTERNAL_ERROR);
    g_assert_cmpstr(virGetLastErrorMessage(), ==, "internal error: in main");
    virResetLastError();
}

static void
testSaveCopyFree(void)
{
    virErrorPtr saved;
    virErrorPtr preserved;
    virError copy;

    virResetLastError();
    saved = virSaveLastError();
    g_assert_nonnull(saved);
    g_assert_cmpint(saved->code, ==, VIR_ERR_OK);
    virFreeError(saved);

    memset(&copy, 0xff, sizeof(copy));
    g_assert_cmpint(virCopyLastError(&copy), ==, VIR_ERR_OK);
    g_assert_null(copy.message);
    g_assert_cmpint(virCopyLastError(NULL), ==, -1);

    virReportError(VIR_ERR_NO_NETWORK, "%s", "default");
    saved = virSaveLastError();
    g_assert_cmpint(saved->code, ==, VIR_ERR_NO_NETWORK);
    g_assert_cmpstr(saved->message, ==, "Network not found: default");
    g_assert_true(saved->message != virGetLastError()->message);

    memset(&copy, 0xff, sizeof(copy));
    g_assert_cmpint(virCopyLastError(&copy), ==, VIR_ERR_NO_NETWORK);
    g_assert_cmpstr(copy.str2, ==, "default");
    g_assert_null(copy.conn);
    virResetError(&copy);
    g_assert_null(copy.message);
    g_assert_cmpint(copy.code, ==, VIR_ERR_OK);

    /* Preserve/restore survives a cleanup step that reports its own. */
    virErrorPreserveLast(&preserved);
    g_assert_nonnull(preserved);
    virReportError(VIR_ERR_INTERNAL_ERROR, "cleanup failed");
    virErrorRestore(&preserved);
    g_assert_null(preserved);
    g_assert_cmpstr(virGetLastErrorMessage(), ==, "Network not found: default");

    virResetLastError();
    virErrorPreserveLast(&preserved);
    g_assert_null(preserved);
    virErrorRestore(&preserved);

    virFreeError(saved);
    virFreeError(NULL);
}

typedef struct {
    int calls;
    int code;
} testHandlerData;

static void
testHandler(void *userData, virErrorPtr err)
{
    testHandlerData *data = userData;

    data->calls++;
    data->code = err->code;
}

static void
testDispatch(void)
{
    virConnectPtr conn = testConnNew();
    testHandlerData global = {0};
    testHandlerData local = {0};
    virError copy;

    virSetErrorFunc(&global, testHandler);

    /* No connection: the global handler. */
    virReportError(VIR_ERR_NO_DOMAIN, "%s", "vm1");
    virDispatchError(NULL);
    g_assert_cmpint(global.calls, ==, 1);
    g_assert_cmpint(global.code, ==, VIR_ERR_NO_DOMAIN);

    /* A connection without a handler: still the global one, and the error
     * is copied to the connection. */
    virReportError(VIR_ERR_NO_NETWORK, "%s", "net1");
    virDispatchError(conn);
    g_assert_cmpint(global.calls, ==, 2);
    g_assert_cmpint(virConnGetLastError(conn)->code, ==, VIR_ERR_NO_NETWORK);

    /* The connection's handler takes precedence. */
    virConnSetErrorFunc(conn, &local, testHandler);
    virReportError(VIR_ERR_NO_SECRET, "%s", "s1");
    virDispatchError(conn);
    g_assert_cmpint(local.calls, ==, 1);
    g_assert_cmpint(local.code, ==, VIR_ERR_NO_SECRET);
    g_assert_cmpint(global.calls, ==, 2);

    g_assert_cmpint(virConnCopyLastError(conn, &copy), ==, VIR_ERR_NO_SECRET);
    g_assert_cmpstr(copy.message, ==, "Secret not found: s1");
    virResetError(&copy);
    virConnResetLastError(conn);
    g_assert_cmpint(virConnGetLastError(conn)->code, ==, VIR_ERR_OK);
    g_assert_cmpint(virConnCopyLastError(conn, &copy), ==, VIR_ERR_OK);

    /* A failure nobody reported becomes a generic internal error. */
    virResetLastError();
    virDispatchError(NULL);
    g_assert_cmpint(global.code, ==, VIR_ERR_INTERNAL_ERROR);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "An error occurred, but the cause is unknown");

    /* NULL connections are tolerated as upstream does. */
    g_assert_null(virConnGetLastError(NULL));
    g_assert_cmpint(virConnCopyLastError(NULL, &copy), ==, -1);
    virConnResetLastError(NULL);
    virConnSetErrorFunc(NULL, NULL, NULL);

    virSetErrorFunc(NULL, NULL);
    virResetLastError();
    testConnFree(conn);
}

static void
testDefaultFunc(void)
{
    if (g_test_subprocess()) {
        struct _virDomain dom = {.name = (char *)"vm1"};

        /* No handler: dispatch prints. */
        virReportError(VIR_ERR_NO_DOMAIN, NULL);
        virDispatchError(NULL);
        virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_QEMU,
                          VIR_ERR_OPERATION_FAILED, VIR_ERR_WARNING, NULL, NULL,
                          NULL, 0, 0, "%s", "careful");
        virDefaultErrorFunc(virGetLastError());
        virGetLastError()->dom = &dom;
        virDefaultErrorFunc(virGetLastError());
        virGetLastError()->dom = NULL;
        virGetLastError()->domain = 1000;
        virDefaultErrorFunc(virGetLastError());
        virResetLastError();
        virDefaultErrorFunc(virGetLastError());
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("libvirt: Test Driver error : Domain not found\n"
                              "libvirt: QEMU Driver warning : careful\n"
                              "libvirt: QEMU Driver warning vm1: careful\n"
                              "libvirt: Unknown warning : careful\n");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virErrorInitialize();

    g_test_add_func("/virerror/message-table", testMessageTable);
    g_test_add_func("/virerror/report-fields", testReportFields);
    g_test_add_func("/virerror/per-thread", testPerThread);
    g_test_add_func("/virerror/save-copy-free", testSaveCopyFree);
    g_test_add_func("/virerror/dispatch", testDispatch);
    g_test_add_func("/virerror/default-func", testDefaultFunc);
    return g_test_run();
}
