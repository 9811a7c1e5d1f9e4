/*
 * test_domain_state.c: the test driver's save images, managed save, core
 * dumps and tuning calls through the public API, run under valgrind and
 * the sanitizers by the unit suite.
 *
 * The behaviour is compared with upstream by
 * tests/python/check_test_domain_state.py; this test is about robustness:
 * every truncation of a valid save image, garbage and hostile lengths must
 * fail cleanly (no crash, no leak), and the typed-parameter calls must
 * hand back memory the caller can free.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "libvirt/libvirt.h"
#include "libvirt/virterror.h"

#define TEST_URI "test:///default"

static void
quietErrorFunc(void *userdata G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static char *tmpdir;

static char *
tmpPath(const char *name)
{
    return g_build_filename(tmpdir, name, NULL);
}

/* Saves "test", then restores it from every prefix of the image and
 * from damaged copies: each must fail with an error, and the full image
 * must restore. */
static void
test_save_images(void)
{
    virConnectPtr conn = virConnectOpen(TEST_URI);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    g_autofree char *img = tmpPath("test.img");
    g_autofree char *cut = tmpPath("cut.img");
    g_autofree char *data = NULL;
    gsize len = 0;
    gsize i;

    g_assert_cmpint(virDomainSave(dom, img), ==, 0);
    g_assert_cmpint(virDomainIsActive(dom), ==, 0);
    g_assert_true(g_file_get_contents(img, &data, &len, NULL));
    g_assert_cmpuint(len, >, 19);
    g_assert_cmpmem(data, 15, "TestGuestMagic", 15);

    for (i = 0; i < len; i++) {
        g_assert_true(g_file_set_contents(cut, data, i, NULL));
        g_assert_cmpint(virDomainRestore(conn, cut), ==, -1);
        g_assert_nonnull(virGetLastError());
        g_assert_null(virDomainSaveImageGetXMLDesc(conn, cut, 0));
    }

    /* A length beyond the file, a negative one, garbage XML. */
    {
        char hostile[64];
        int n;

        memcpy(hostile, data, 15);
        for (n = -1; n <= 8193; n += 4097) {
            memcpy(hostile + 15, &n, sizeof(n));
            memset(hostile + 19, '<', sizeof(hostile) - 19);
            g_assert_true(g_file_set_contents(cut, hostile, sizeof(hostile),
                                              NULL));
            g_assert_cmpint(virDomainRestore(conn, cut), ==, -1);
        }
        n = 20;
        memcpy(hostile + 15, &n, sizeof(n));
        g_assert_true(g_file_set_contents(cut, hostile, sizeof(hostile),
                                          NULL));
        g_assert_cmpint(virDomainRestore(conn, cut), ==, -1);
        g_assert_cmpint(virDomainSaveImageDefineXML(conn, cut, "<domain/>",
                                                    0), ==, -1);
    }

    {
        g_autofree char *xml = virDomainSaveImageGetXMLDesc(conn, img, 0);

        g_assert_nonnull(xml);
        g_assert_nonnull(strstr(xml, "<name>test</name>"));
        g_assert_cmpint(virDomainSaveImageDefineXML(conn, img, xml, 0),
                        ==, 0);
    }
    g_assert_cmpint(virDomainRestore(conn, img), ==, 0);
    g_assert_cmpint(virDomainIsActive(dom), ==, 1);
    g_assert_cmpint(virDomainRestore(conn, img), ==, -1);

    /* A FIFO nobody writes to or reads from never blocks the call. */
    g_unlink(cut);
    g_assert_cmpint(mkfifo(cut, 0600), ==, 0);
    g_assert_cmpint(virDomainRestore(conn, cut), ==, -1);
    g_assert_cmpint(virDomainSave(dom, cut), ==, -1);
    g_assert_cmpint(virDomainIsActive(dom), ==, 1);

    g_unlink(img);
    g_unlink(cut);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void
test_managed_save_and_dump(void)
{
    virConnectPtr conn = virConnectOpen(TEST_URI);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    g_autofree char *core = tmpPath("core");
    g_autofree char *data = NULL;
    int state;
    int reason;

    g_assert_cmpint(virDomainManagedSave(dom, 0), ==, 0);
    g_assert_cmpint(virDomainHasManagedSaveImage(dom, 0), ==, 1);
    g_assert_cmpint(virDomainUndefine(dom), ==, -1);
    g_assert_cmpint(virDomainCreate(dom), ==, 0);
    g_assert_cmpint(virDomainHasManagedSaveImage(dom, 0), ==, 0);

    g_assert_cmpint(virDomainCoreDump(dom, core, 0), ==, 0);
    g_assert_true(g_file_get_contents(core, &data, NULL, NULL));
    g_assert_cmpstr(data, ==, "TestGuestMagic");
    g_assert_cmpint(virDomainCoreDump(dom, core, VIR_DUMP_CRASH), ==, 0);
    g_assert_cmpint(virDomainGetState(dom, &state, &reason, 0), ==, 0);
    g_assert_cmpint(state, ==, VIR_DOMAIN_SHUTOFF);
    g_assert_cmpint(reason, ==, VIR_DOMAIN_SHUTOFF_CRASHED);
    g_assert_cmpint(virDomainCreate(dom), ==, 0);

    g_unlink(core);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* Every "get parameters" call, twice (count, then values), freed the
 * way applications free them. */
static void
test_tune_params(void)
{
    virConnectPtr conn = virConnectOpen(TEST_URI);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virTypedParameterPtr set = NULL;
    int nset = 0;
    int maxset = 0;
    virTypedParameterPtr params;
    int nparams;
    unsigned char map[2] = {0x0a, 0};
    unsigned char maps[4];
    virVcpuInfo info[2];

    g_assert_cmpint(virTypedParamsAddString(&set, &nset, &maxset,
                                            VIR_DOMAIN_BLKIO_DEVICE_WEIGHT,
                                            "/dev/sda,10,/dev/sdb,20"), ==, 0);
    g_assert_cmpint(virTypedParamsAddUInt(&set, &nset, &maxset,
                                          VIR_DOMAIN_BLKIO_WEIGHT, 300), ==, 0);
    g_assert_cmpint(virDomainSetBlkioParameters(dom, set, nset, 0), ==, 0);
    virTypedParamsFree(set, nset);
    set = NULL;
    nset = maxset = 0;
    /* Unknown, duplicated and mistyped parameters. */
    virTypedParamsAddUInt(&set, &nset, &maxset, "bogus", 1);
    g_assert_cmpint(virDomainSetBlkioParameters(dom, set, nset, 0), ==, -1);
    virTypedParamsFree(set, nset);
    set = NULL;
    nset = maxset = 0;
    virTypedParamsAddUInt(&set, &nset, &maxset, VIR_DOMAIN_BLKIO_WEIGHT, 1);
    virTypedParamsAddUInt(&set, &nset, &maxset, VIR_DOMAIN_BLKIO_WEIGHT, 2);
    g_assert_cmpint(virDomainSetBlkioParameters(dom, set, nset, 0), ==, -1);
    virTypedParamsFree(set, nset);
    set = NULL;
    nset = maxset = 0;
    virTypedParamsAddInt(&set, &nset, &maxset, VIR_DOMAIN_BLKIO_WEIGHT, 1);
    g_assert_cmpint(virDomainSetBlkioParameters(dom, set, nset, 0), ==, -1);
    virTypedParamsFree(set, nset);

    nparams = 0;
    g_assert_cmpint(virDomainGetBlkioParameters(dom, NULL, &nparams, 0),
                    ==, 0);
    g_assert_cmpint(nparams, ==, 6);
    params = g_new0(virTypedParameter, nparams);
    g_assert_cmpint(virDomainGetBlkioParameters(
                        dom, params, &nparams,
                        VIR_TYPED_PARAM_STRING_OKAY), ==, 0);
    g_assert_cmpstr(params[1].value.s, ==, "/dev/sda,10,/dev/sdb,20");
    virTypedParamsFree(params, nparams);

    /* Fewer slots than values. */
    nparams = 1;
    params = g_new0(virTypedParameter, 1);
    g_assert_cmpint(virDomainGetBlkioParameters(dom, params, &nparams, 0),
                    ==, 0);
    g_assert_cmpint(nparams, ==, 1);
    virTypedParamsFree(params, nparams);

    nparams = 2;
    params = g_new0(virTypedParameter, nparams);
    g_assert_cmpint(virDomainGetNumaParameters(
                        dom, params, &nparams,
                        VIR_TYPED_PARAM_STRING_OKAY), ==, 0);
    virTypedParamsFree(params, nparams);

    nparams = 7;
    params = g_new0(virTypedParameter, nparams);
    g_assert_cmpint(virDomainGetInterfaceParameters(
                        dom, "aa:bb:cc:dd:ee:ff", params, &nparams, 0), ==, 0);
    virTypedParamsFree(params, nparams);

    g_assert_cmpint(virDomainPinVcpu(dom, 0, map, sizeof(map)), ==, 0);
    g_assert_cmpint(virDomainGetVcpus(dom, info, 2, maps, 2), ==, 2);
    g_assert_cmpint(maps[0], ==, 0x0a);
    g_assert_cmpint(info[0].cpu, ==, 3);
    g_assert_cmpint(virDomainGetVcpuPinInfo(dom, 2, maps, 2, 0), ==, 2);
    g_assert_cmpint(virDomainPinEmulator(dom, map, sizeof(map), 0), ==, 0);
    g_assert_cmpint(virDomainSetVcpusFlags(dom, 6, VIR_DOMAIN_AFFECT_CONFIG |
                                           VIR_DOMAIN_VCPU_MAXIMUM), ==, 0);
    g_assert_cmpint(virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_AFFECT_CONFIG |
                                           VIR_DOMAIN_VCPU_MAXIMUM), ==, 0);
    g_assert_cmpint(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG),
                    ==, 1);

    virDomainFree(dom);
    virConnectClose(conn);
}

/* Vireo's extension (upstream's test driver refuses the flag): domains
 * started with VIR_DOMAIN_START_AUTODESTROY go when the connection that
 * started them closes, unless that run already ended. */
static void
test_autodestroy(void)
{
    static const char vm1[] =
        "<domain type='test'><name>ad1</name>"
        "<uuid>0c1a9f3e-2b4d-4e6f-8a0b-1c2d3e4f5a61</uuid>"
        "<memory>65536</memory><os><type>hvm</type></os></domain>";
    static const char vm2[] =
        "<domain type='test'><name>ad2</name>"
        "<uuid>0c1a9f3e-2b4d-4e6f-8a0b-1c2d3e4f5a62</uuid>"
        "<memory>65536</memory><os><type>hvm</type></os></domain>";
    static const char vm3[] =
        "<domain type='test'><name>ad3</name>"
        "<uuid>0c1a9f3e-2b4d-4e6f-8a0b-1c2d3e4f5a63</uuid>"
        "<memory>65536</memory><os><type>hvm</type></os></domain>";
    virConnectPtr keep = virConnectOpen(TEST_URI);
    virConnectPtr conn = virConnectOpen(TEST_URI);
    virDomainPtr d1;
    virDomainPtr d2;
    virDomainPtr d3;

    d1 = virDomainCreateXML(conn, vm1, VIR_DOMAIN_START_AUTODESTROY);
    g_assert_nonnull(d1);
    d2 = virDomainDefineXML(conn, vm2);
    g_assert_cmpint(virDomainCreateWithFlags(
                        d2, VIR_DOMAIN_START_AUTODESTROY), ==, 0);
    d3 = virDomainDefineXML(conn, vm3);
    g_assert_cmpint(virDomainCreateWithFlags(
                        d3, VIR_DOMAIN_START_AUTODESTROY), ==, 0);
    /* This run of ad3 ends and another (not autodestroy) begins. */
    g_assert_cmpint(virDomainDestroy(d3), ==, 0);
    g_assert_cmpint(virDomainCreate(d3), ==, 0);
    virDomainFree(d1);
    virDomainFree(d2);
    virDomainFree(d3);
    g_assert_cmpint(virConnectClose(conn), ==, 0);

    g_assert_null(virDomainLookupByName(keep, "ad1"));
    d2 = virDomainLookupByName(keep, "ad2");
    g_assert_cmpint(virDomainIsActive(d2), ==, 0);
    d3 = virDomainLookupByName(keep, "ad3");
    g_assert_cmpint(virDomainIsActive(d3), ==, 1);
    virDomainFree(d2);
    virDomainFree(d3);
    virConnectClose(keep);
}

int
main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, quietErrorFunc);
    tmpdir = g_dir_make_tmp("vireo-state-XXXXXX", NULL);
    g_test_add_func("/domain-state/save-images", test_save_images);
    g_test_add_func("/domain-state/managed-save-dump",
                    test_managed_save_and_dump);
    g_test_add_func("/domain-state/tune-params", test_tune_params);
    g_test_add_func("/domain-state/autodestroy", test_autodestroy);
    ret = g_test_run();
    g_rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
