/*
 * test_virtypedparam.c: the public typed parameter helpers and the check
 * entry points run on arrays passed to "set parameters" calls.
 */
#include "internal.h"
#include "util/virtypedparam.h"

static int errorsSeen;

static void
countingErrorFunc(void *opaque, virErrorPtr err)
{
    errorsSeen++;
}

static void
testRoundTrip(void)
{
    virTypedParameterPtr params = NULL;
    int n = 0;
    int max = 0;
    int i = 0;
    unsigned int ui = 0;
    long long l = 0;
    unsigned long long ul = 0;
    double d = 0;
    int b = 0;
    const char *s = NULL;

    g_assert_cmpint(virTypedParamsAddInt(&params, &n, &max, "i", -5), ==, 0);
    g_assert_cmpint(virTypedParamsAddUInt(&params, &n, &max, "ui", 7), ==, 0);
    g_assert_cmpint(virTypedParamsAddLLong(&params, &n, &max, "l", -(1LL << 40)), ==, 0);
    g_assert_cmpint(virTypedParamsAddULLong(&params, &n, &max, "ul", 1ULL << 63), ==, 0);
    g_assert_cmpint(virTypedParamsAddDouble(&params, &n, &max, "d", 2.5), ==, 0);
    g_assert_cmpint(virTypedParamsAddBoolean(&params, &n, &max, "b", 42), ==, 0);
    g_assert_cmpint(virTypedParamsAddString(&params, &n, &max, "s", "hello"), ==, 0);
    g_assert_cmpint(n, ==, 7);
    g_assert_cmpint(max, >=, 7);

    g_assert_cmpint(virTypedParamsGetInt(params, n, "i", &i), ==, 1);
    g_assert_cmpint(i, ==, -5);
    g_assert_cmpint(virTypedParamsGetUInt(params, n, "ui", &ui), ==, 1);
    g_assert_cmpuint(ui, ==, 7);
    g_assert_cmpint(virTypedParamsGetLLong(params, n, "l", &l), ==, 1);
    g_assert_cmpint(l, ==, -(1LL << 40));
    g_assert_cmpint(virTypedParamsGetULLong(params, n, "ul", &ul), ==, 1);
    g_assert_cmpuint(ul, ==, 1ULL << 63);
    g_assert_cmpint(virTypedParamsGetDouble(params, n, "d", &d), ==, 1);
    g_assert_cmpfloat(d, ==, 2.5);
    g_assert_cmpint(virTypedParamsGetBoolean(params, n, "b", &b), ==, 1);
    g_assert_cmpint(b, ==, 1);
    g_assert_cmpint(virTypedParamsGetString(params, n, "s", &s), ==, 1);
    g_assert_cmpstr(s, ==, "hello");
    g_assert_cmpint(virTypedParamsGetString(params, n, "s", NULL), ==, 1);

    g_assert_cmpint(virTypedParamsGetInt(params, n, "nope", &i), ==, 0);
    g_assert_null(virTypedParamsGet(params, n, "nope"));
    g_assert_true(virTypedParamsGet(params, n, "d") == params + 4);
    g_assert_null(virTypedParamsGet(NULL, 0, "d"));

    virTypedParamsClear(params, n);
    g_assert_null(params[6].value.s);
    virTypedParamsFree(params, n);
}

static void
testWrongType(void)
{
    virTypedParameterPtr params = NULL;
    int n = 0;
    int max = 0;
    unsigned int ui;

    g_assert_cmpint(virTypedParamsAddInt(&params, &n, &max, "x", 1), ==, 0);
    errorsSeen = 0;
    g_assert_cmpint(virTypedParamsGetUInt(params, n, "x", &ui), ==, -1);
    g_assert_cmpint(errorsSeen, ==, 1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_INVALID_ARG);
    g_assert_cmpint(virGetLastErrorDomain(), ==, VIR_FROM_NONE);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "invalid argument: Invalid type 'uint' requested for parameter 'x', actual type is 'int'");

    /* A successful call clears the previous error. */
    g_assert_cmpint(virTypedParamsGetInt(params, n, "x", NULL), ==, 1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_OK);
    virTypedParamsFree(params, n);
}

static void
testDuplicatesAndLongNames(void)
{
    virTypedParameterPtr params = NULL;
    int n = 0;
    int max = 0;
    const char *list[] = { "a", "b", "c", NULL };
    g_autofree char *longname = g_strnfill(VIR_TYPED_PARAM_FIELD_LENGTH, 'n');

    /* Like upstream, a repeated name is accepted (string lists need it). */
    g_assert_cmpint(virTypedParamsAddStringList(&params, &n, &max, "k", list), ==, 0);
    g_assert_cmpint(n, ==, 3);
    g_assert_cmpstr(params[2].value.s, ==, "c");
    g_assert_cmpint(virTypedParamsAddStringList(&params, &n, &max, "k", NULL), ==, 0);

    g_assert_cmpint(virTypedParamsAddInt(&params, &n, &max, longname, 1), ==, -1);
    g_assert_cmpint(n, ==, 3);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_INTERNAL_ERROR);
    g_assert_true(g_str_has_prefix(virGetLastErrorMessage(),
                                   "internal error: Field name 'nnnn"));
    g_assert_true(g_str_has_suffix(virGetLastErrorMessage(), "' too long"));

    /* NULL string values become empty strings. */
    g_assert_cmpint(virTypedParamsAddString(&params, &n, &max, "e", NULL), ==, 0);
    g_assert_cmpstr(params[3].value.s, ==, "");
    virTypedParamsFree(params, n);
}

typedef struct {
    int type;
    const char *value;
    const char *error; /* NULL: accepted */
} fromStringCase;

static const fromStringCase fromStringCases[] = {
    { VIR_TYPED_PARAM_INT, "-12", NULL },
    { VIR_TYPED_PARAM_INT, "12x", "invalid argument: Invalid value for field 'f': expected int" },
    { VIR_TYPED_PARAM_INT, "3000000000", "invalid argument: Invalid value for field 'f': expected int" },
    { VIR_TYPED_PARAM_UINT, "-1", NULL },
    { VIR_TYPED_PARAM_UINT, "5000000000", "invalid argument: Invalid value for field 'f': expected unsigned int" },
    { VIR_TYPED_PARAM_LLONG, "-9000000000", NULL },
    { VIR_TYPED_PARAM_LLONG, "", "invalid argument: Invalid value for field 'f': expected long long" },
    { VIR_TYPED_PARAM_ULLONG, "18446744073709551615", NULL },
    { VIR_TYPED_PARAM_ULLONG, "abc", "invalid argument: Invalid value for field 'f': expected unsigned long long" },
    { VIR_TYPED_PARAM_DOUBLE, "1.5", NULL },
    { VIR_TYPED_PARAM_DOUBLE, "1.5.", "invalid argument: Invalid value for field 'f': expected double" },
    { VIR_TYPED_PARAM_BOOLEAN, "TRUE", NULL },
    { VIR_TYPED_PARAM_BOOLEAN, "0", NULL },
    { VIR_TYPED_PARAM_BOOLEAN, "yes", "invalid argument: Invalid boolean value for field 'f'" },
    { VIR_TYPED_PARAM_STRING, "text", NULL },
    { VIR_TYPED_PARAM_STRING, NULL, "invalid argument: NULL value for field 'f'" },
    { 42, "1", "internal error: unexpected type 42 for field f" },
};

static void
testFromString(gconstpointer data)
{
    const fromStringCase *c = data;
    virTypedParameterPtr params = NULL;
    int n = 0;
    int max = 0;
    int rc = virTypedParamsAddFromString(&params, &n, &max, "f", c->type,
                                         c->value);

    if (c->error) {
        g_assert_cmpint(rc, ==, -1);
        g_assert_cmpint(n, ==, 0);
        g_assert_cmpstr(virGetLastErrorMessage(), ==, c->error);
    } else {
        g_assert_cmpint(rc, ==, 0);
        g_assert_cmpint(n, ==, 1);
        g_assert_cmpint(params[0].type, ==, c->type);
        if (c->type == VIR_TYPED_PARAM_UINT)
            g_assert_cmpuint(params[0].value.ui, ==, G_MAXUINT);
        if (c->type == VIR_TYPED_PARAM_BOOLEAN)
            g_assert_cmpint(params[0].value.b, ==, c->value[0] == 'T');
    }
    virTypedParamsFree(params, n);
}

static void
testValidateSet(void)
{
    virTypedParameter params[2];

    memset(params, 0, sizeof(params));
    g_strlcpy(params[0].field, "ok", sizeof(params[0].field));
    params[0].type = VIR_TYPED_PARAM_STRING;
    params[0].value.s = (char *)"v";
    memset(params[1].field, 'z', sizeof(params[1].field));
    params[1].type = VIR_TYPED_PARAM_INT;

    g_assert_cmpint(virTypedParamsValidateSet(NULL, params, 1), ==, 0);
    g_assert_cmpint(virTypedParamsValidateSet(NULL, params, 2), ==, -1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_INVALID_ARG);
    g_assert_true(g_str_has_prefix(virGetLastErrorMessage(),
                                   "string parameter name 'zzzz"));

    params[0].value.s = NULL;
    g_assert_cmpint(virTypedParamsValidateSet(NULL, params, 1), ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "NULL string parameter 'ok'");
}

/* A list built with formatted names, and one whose add failed. */
static void
testParamList(void)
{
    virTypedParamList list = { 0 };
    virTypedParameterPtr par = NULL;
    int npar = 0;
    int i;

    for (i = 0; i < 20; i++)
        virTypedParamListAddUInt(&list, i, "item.%d.value", i);
    virTypedParamListAddString(&list, "x", "name");
    virTypedParamListAddString(&list, NULL, "absent");
    virTypedParamListAddBoolean(&list, true, "flag");
    g_assert_cmpint(virTypedParamListSteal(&list, &par, &npar), ==, 0);
    g_assert_cmpint(npar, ==, 22);
    g_assert_cmpstr(par[19].field, ==, "item.19.value");
    g_assert_cmpuint(par[19].value.ui, ==, 19);
    g_assert_cmpstr(par[20].value.s, ==, "x");
    g_assert_true(par[21].value.b);
    g_assert_null(list.par);
    virTypedParamsFree(par, npar);

    virTypedParamListAddString(&list, "kept", "before");
    virTypedParamListAddInt(&list, 1, "%0100d", 1);
    virTypedParamListAddInt(&list, 2, "after");
    g_assert_true(list.failed);
    par = NULL;
    g_assert_cmpint(virTypedParamListSteal(&list, &par, &npar), ==, -1);
    g_assert_null(par);
    g_assert_null(list.par);
    virResetLastError();
}

int
main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, countingErrorFunc);
    g_test_add_func("/virtypedparam/round-trip", testRoundTrip);
    g_test_add_func("/virtypedparam/list", testParamList);
    g_test_add_func("/virtypedparam/wrong-type", testWrongType);
    g_test_add_func("/virtypedparam/duplicates-long-names", testDuplicatesAndLongNames);
    for (i = 0; i < G_N_ELEMENTS(fromStringCases); i++) {
        g_autofree char *name = g_strdup_printf("/virtypedparam/from-string/%zu", i);

        g_test_add_data_func(name, &fromStringCases[i], testFromString);
    }
    g_test_add_func("/virtypedparam/validate-set", testValidateSet);
    return g_test_run();
}
