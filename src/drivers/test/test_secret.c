/*
 * test_secret.c: secrets and their values.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"
#include "test_objlist.h"

struct _testSecretState {
    testObjList *objs;
};

testSecretState *
testSecretStateNew(void)
{
    testSecretState *st = g_new0(testSecretState, 1);

    st->objs = testObjListNew(NULL);
    return st;
}

void
testSecretStateFree(testSecretState *st)
{
    if (!st)
        return;
    testObjListFree(st->objs);
    g_free(st);
}

int
testSecretLoadDefault(testDriver *driver G_GNUC_UNUSED)
{
    return 0;
}

int
testSecretLoadNode(testDriver *driver G_GNUC_UNUSED, xmlNodePtr root G_GNUC_UNUSED,
                   const char *path G_GNUC_UNUSED)
{
    return 0;
}

virSecretDriver testSecretDriver = {
    .name = "Test",
};
