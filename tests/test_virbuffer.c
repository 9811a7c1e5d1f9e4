/*
 * test_virbuffer.c: the string buffer: indentation, escaping, trimming.
 */
#include "internal.h"
#include "util/virbuffer.h"

static void
testIndent(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) child = VIR_BUFFER_INIT_CHILD(&buf);
    g_autofree char *out = NULL;

    g_assert_cmpstr(virBufferCurrentContent(&buf), ==, "");
    g_assert_null(virBufferContentAndReset(&buf));

    virBufferAddLit(&buf, "<domain>\n");
    virBufferAdjustIndent(&buf, 2);
    g_assert_cmpuint(virBufferGetIndent(&buf), ==, 2);
    virBufferAsprintf(&buf, "<name>%s</name>\n", "vm");
    virBufferAddLit(&buf, "<a");
    g_assert_cmpuint(virBufferGetEffectiveIndent(&buf), ==, 0);
    virBufferEscapeString(&buf, " x='%s'", "<&\"'>\x01ok");
    virBufferAddLit(&buf, "/>\n");
    virBufferEscapeString(&buf, "<skip>%s</skip>", NULL);
    virBufferAddLit(&child, "<child/>\n");
    virBufferAddBuffer(&buf, &child);
    g_assert_cmpuint(virBufferUse(&child), ==, 0);
    virBufferAdjustIndent(&buf, -10);
    g_assert_cmpuint(virBufferGetIndent(&buf), ==, 0);
    virBufferAddLit(&buf, "</domain>\n");

    out = virBufferContentAndReset(&buf);
    g_assert_cmpstr(out, ==,
                    "<domain>\n"
                    "  <name>vm</name>\n"
                    "  <a x='&lt;&amp;&quot;&apos;&gt;ok'/>\n"
                    "  <child/>\n"
                    "</domain>\n");
    g_assert_cmpuint(virBufferUse(&buf), ==, 0);
}

static void
testMisc(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    virBufferStrcat(&buf, "a", "b", "c", NULL);
    virBufferAddChar(&buf, ',');
    virBufferURIEncodeString(&buf, "x y/z");
    virBufferAddLit(&buf, ",,,");
    virBufferTrim(&buf, ",,");
    virBufferTrim(&buf, "nomatch");
    g_assert_cmpstr(virBufferCurrentContent(&buf), ==, "abc,x%20y%2Fz,");
    virBufferTrimChars(&buf, ",z");
    virBufferTrimLen(&buf, 2);
    g_assert_cmpstr(virBufferCurrentContent(&buf), ==, "abc,x%20y%");
    virBufferFreeAndReset(&buf);
    virBufferEscapeShell(&buf, "it's");
    virBufferAddChar(&buf, ' ');
    virBufferEscapeShell(&buf, "plain");
    g_assert_cmpstr(virBufferCurrentContent(&buf), ==, "'it'\\''s' plain");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virbuffer/indent", testIndent);
    g_test_add_func("/virbuffer/misc", testMisc);
    return g_test_run();
}
