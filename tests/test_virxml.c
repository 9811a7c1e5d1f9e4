/*
 * test_virxml.c: the XML helpers: parse errors with their line, typed
 * attribute readers with upstream's messages, unit scaling, consumption
 * marks and the validation walk, element formatting.
 */
#include "internal.h"
#include "util/virxml.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define VIR_FROM_THIS VIR_FROM_NONE

static void
assertLastError(int code, const char *fragment)
{
    virErrorPtr err = virGetLastError();

    g_assert_nonnull(err);
    g_assert_cmpint(err->code, ==, code);
    if (fragment && !strstr(err->message, fragment))
        g_error("message '%s' lacks '%s'", err->message, fragment);
    virResetLastError();
}

static void
testParseErrors(void)
{
    xmlDocPtr doc;

    doc = virXMLParseStringCtxt(VIR_FROM_DOMAIN, "<a>\n<b></a>", "(t)", "a");
    g_assert_null(doc);
    assertLastError(VIR_ERR_XML_DETAIL, "(t):2:");
    g_assert_cmpint(virGetLastErrorDomain(), ==, VIR_FROM_NONE);

    doc = virXMLParseStringCtxt(VIR_FROM_DOMAIN, "<b/>", "(t)", "a");
    g_assert_null(doc);
    assertLastError(VIR_ERR_XML_ERROR, "expecting root element of 'a', not 'b'");

    doc = virXMLParseFileCtxt(VIR_FROM_DOMAIN, "/nonexistent/x.xml", "a");
    g_assert_null(doc);
    g_assert_nonnull(virGetLastError());
    virResetLastError();

    doc = virXMLParseStringCtxt(VIR_FROM_DOMAIN, "<a x='1'/>", NULL, "a");
    g_assert_nonnull(doc);
    xmlFreeDoc(doc);
}

static void
testProps(void)
{
    g_autoptr(xmlDoc) doc = virXMLParseStringCtxt(
        VIR_FROM_NONE,
        "<e i='-3' u='7' big='99999999999' neg='-1' zero='0' sw='on' "
        "b='maybe' uuid='c7a5fdbd-edaf-9455-926a-d65c16db1809' hex='0x1f'/>",
        NULL, "e");
    xmlNodePtr e = xmlDocGetRootElement(doc);
    int i = 0;
    unsigned int u = 0;
    unsigned long long ull = 0;
    virTristateSwitch sw;
    virTristateBool b;
    unsigned char uuid[16];

    g_assert_cmpint(virXMLPropInt(e, "i", 10, VIR_XML_PROP_NONE, &i), ==, 1);
    g_assert_cmpint(i, ==, -3);
    g_assert_cmpint(virXMLPropInt(e, "i", 10, VIR_XML_PROP_NONNEGATIVE, &i),
                    ==, -1);
    assertLastError(VIR_ERR_XML_ERROR, "Expected non-negative value");
    g_assert_cmpint(virXMLPropUInt(e, "u", 10, VIR_XML_PROP_NONZERO, &u), ==,
                    1);
    g_assert_cmpuint(u, ==, 7);
    g_assert_cmpint(virXMLPropUInt(e, "big", 10, 0, &u), ==, -1);
    assertLastError(VIR_ERR_XML_ERROR, "'99999999999'");
    g_assert_cmpint(virXMLPropUInt(e, "neg", 10, 0, &u), ==, -1);
    assertLastError(VIR_ERR_XML_ERROR, NULL);
    g_assert_cmpint(virXMLPropUInt(e, "zero", 10, VIR_XML_PROP_NONZERO, &u),
                    ==, -1);
    assertLastError(VIR_ERR_XML_ERROR, "Zero is not permitted");
    g_assert_cmpint(virXMLPropULongLong(e, "big", 10, 0, &ull), ==, 1);
    g_assert_cmpuint(ull, ==, 99999999999ULL);
    g_assert_cmpint(virXMLPropUInt(e, "hex", 16, 0, &u), ==, 1);
    g_assert_cmpuint(u, ==, 0x1f);
    g_assert_cmpint(virXMLPropUInt(e, "absent", 10, 0, &u), ==, 0);
    g_assert_cmpint(virXMLPropUInt(e, "absent", 10, VIR_XML_PROP_REQUIRED,
                                   &u), ==, -1);
    assertLastError(VIR_ERR_XML_ERROR,
                    "Missing required attribute 'absent' in element 'e'");
    g_assert_cmpint(virXMLPropTristateSwitch(e, "sw", 0, &sw), ==, 1);
    g_assert_cmpint(sw, ==, VIR_TRISTATE_SWITCH_ON);
    g_assert_cmpint(virXMLPropTristateBool(e, "b", 0, &b), ==, -1);
    assertLastError(VIR_ERR_XML_ERROR,
                    "Invalid value for attribute 'b' in element 'e': 'maybe'.");
    g_assert_cmpint(virXMLPropUUID(e, "uuid", 0, uuid), ==, 1);
    g_assert_cmpint(uuid[0], ==, 0xc7);
    g_assert_cmpint(virXMLPropUUID(e, "i", 0, uuid), ==, -1);
    assertLastError(VIR_ERR_XML_ERROR, "Expected UUID");
}

static void
testScale(void)
{
    unsigned long long v;

    v = 1;
    g_assert_cmpint(virScaleInteger(&v, "GiB", 1024, ULLONG_MAX), ==, 0);
    g_assert_cmpuint(v, ==, 1073741824ULL);
    v = 3;
    g_assert_cmpint(virScaleInteger(&v, "MB", 1024, ULLONG_MAX), ==, 0);
    g_assert_cmpuint(v, ==, 3000000ULL);
    v = 5;
    g_assert_cmpint(virScaleInteger(&v, NULL, 1024, ULLONG_MAX), ==, 0);
    g_assert_cmpuint(v, ==, 5120ULL);
    v = 5;
    g_assert_cmpint(virScaleInteger(&v, "bytes", 1024, ULLONG_MAX), ==, 0);
    g_assert_cmpuint(v, ==, 5ULL);
    v = 2;
    g_assert_cmpint(virScaleInteger(&v, "e", 1, ULLONG_MAX), ==, 0);
    g_assert_cmpuint(v, ==, 2ULL << 60);
    v = 16;
    g_assert_cmpint(virScaleInteger(&v, "EiB", 1, ULLONG_MAX), ==, -1);
    assertLastError(VIR_ERR_OVERFLOW, "value too large: 16EiB");
    v = 1;
    g_assert_cmpint(virScaleInteger(&v, "XiB", 1, ULLONG_MAX), ==, -1);
    assertLastError(VIR_ERR_INVALID_ARG, "unknown suffix 'XiB'");
    v = 1;
    g_assert_cmpint(virScaleInteger(&v, "kx", 1, ULLONG_MAX), ==, -1);
    assertLastError(VIR_ERR_INVALID_ARG, NULL);
}

static void
testConsumed(void)
{
    g_autoptr(xmlDoc) doc = virXMLParseStringCtxt(
        VIR_FROM_NONE,
        "<r a='1'><x/><y b='2'/><y/><n:z xmlns:n='urn:x'/></r>", NULL, "r");
    xmlNodePtr r = xmlDocGetRootElement(doc);
    g_autofree xmlNodePtr *ys = NULL;
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    g_assert_cmpint(virXMLCheckConsumed(VIR_FROM_NONE, r), ==, -1);
    assertLastError(VIR_ERR_XML_INVALID_SCHEMA, "unexpected attribute 'a' at /r");
    a = virXMLPropString(r, "a");
    g_assert_cmpstr(a, ==, "1");
    g_assert_cmpint(virXMLCheckConsumed(VIR_FROM_NONE, r), ==, -1);
    assertLastError(VIR_ERR_XML_INVALID_SCHEMA, "unexpected element 'x' at /r/x");
    g_assert_nonnull(virXMLChild(r, "x"));
    g_assert_cmpuint(virXMLChildren(r, "y", &ys), ==, 2);
    g_assert_cmpint(virXMLCheckConsumed(VIR_FROM_NONE, r), ==, -1);
    assertLastError(VIR_ERR_XML_INVALID_SCHEMA, "/r/y[1]");
    b = virXMLPropString(ys[0], "b");
    /* The namespaced element belongs to its own parser. */
    g_assert_cmpint(virXMLCheckConsumed(VIR_FROM_NONE, r), ==, 0);
    g_assert_null(virXMLChild(r, "z"));
}

static void
testFormat(void)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) attrs = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) child = VIR_BUFFER_INIT_CHILD(&buf);
    g_autoptr(xmlDoc) doc = virXMLParseStringCtxt(
        VIR_FROM_NONE, "<m><p:a xmlns:p='urn:p'><b>t</b></p:a></m>", NULL,
        "m");
    xmlNodePtr copy;
    g_autofree char *out = NULL;

    virXMLFormatElement(&buf, "none", &attrs, &child);
    virXMLFormatElementEmpty(&buf, "empty", &attrs, &child);
    virBufferAddLit(&attrs, " k='v'");
    virXMLFormatElement(&buf, "attr", &attrs, &child);
    virBufferAddLit(&child, "<c/>\n");
    virXMLFormatElement(&buf, "kids", &attrs, &child);
    copy = virXMLNodeCopyDetached(xmlDocGetRootElement(doc)->children);
    virBufferAdjustIndent(&buf, 2);
    virXMLFormatNode(&buf, copy);
    virXMLNodeFreeDetached(copy);
    out = virBufferContentAndReset(&buf);
    g_assert_cmpstr(out, ==,
                    "<empty/>\n"
                    "<attr k='v'/>\n"
                    "<kids>\n"
                    "  <c/>\n"
                    "</kids>\n"
                    "  <p:a xmlns:p=\"urn:p\">\n"
                    "    <b>t</b>\n"
                    "  </p:a>\n");
}

/* Files named in documents are read only when they are regular and not
 * too large: a device, a FIFO without a writer or an endless file must
 * give an error, not a hang. */
static void
testParseFileKinds(void)
{
    g_autofree char *dir = g_dir_make_tmp("vireo-xml-XXXXXX", NULL);
    g_autofree char *good = g_build_filename(dir, "good.xml", NULL);
    g_autofree char *fifo = g_build_filename(dir, "fifo.xml", NULL);
    g_autofree char *big = g_build_filename(dir, "big.xml", NULL);
    const char *bad[] = { "/dev/zero", fifo, big, "/nonexistent/x.xml" };
    const char *why[] = { "not a regular file", "not a regular file",
                          "larger than", "No such file" };
    xmlDocPtr doc;
    size_t i;
    int fd;

    g_assert_true(g_file_set_contents(good, "<node><a/></node>", -1, NULL));
    g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
    g_assert_cmpint((fd = open(big, O_WRONLY | O_CREAT, 0600)), >=, 0);
    g_assert_cmpint(ftruncate(fd, VIR_XML_FILE_MAX + 1), ==, 0);
    close(fd);

    g_assert_nonnull((doc = virXMLParseFileCtxt(VIR_FROM_NONE, good, "node")));
    xmlFreeDoc(doc);
    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_assert_null(virXMLParseFileCtxt(VIR_FROM_NONE, bad[i], "node"));
        g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_XML_ERROR);
        g_assert_nonnull(strstr(virGetLastErrorMessage(), why[i]));
        virResetLastError();
    }
    unlink(good);
    unlink(fifo);
    unlink(big);
    rmdir(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, NULL);
    g_test_add_func("/virxml/parse-errors", testParseErrors);
    g_test_add_func("/virxml/props", testProps);
    g_test_add_func("/virxml/scale", testScale);
    g_test_add_func("/virxml/parse-file-kinds", testParseFileKinds);
    g_test_add_func("/virxml/consumed", testConsumed);
    g_test_add_func("/virxml/format", testFormat);
    return g_test_run();
}
