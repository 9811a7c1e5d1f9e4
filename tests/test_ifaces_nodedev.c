/*
 * test_ifaces_nodedev.c: the test driver's host interfaces and node
 * devices through the public API, success and failure paths alike, so
 * that the unit suite's valgrind and sanitizer runs see every allocation
 * of them freed: definitions, lookups, lists, change transactions (a
 * rollback drops the live list), vHBAs and their events, and node files
 * with interfaces and devices.  The behaviour itself is compared with
 * upstream's by tests/python/check_test_ifaces.py.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#define ETH3 "<interface type='ethernet' name='eth3'>" \
             "<mac address='52:54:00:00:00:03'/></interface>"
#define BRIDGE "<interface type='bridge' name='br0'><bridge>" \
               "<interface type='ethernet' name='eth5'/>" \
               "</bridge></interface>"
#define VHBA "<device><parent>scsi_host1</parent>" \
             "<capability type='scsi_host'><capability type='fc_host'>" \
             "<wwnn>2000000011112222</wwnn><wwpn>1000000011112222</wwpn>" \
             "</capability></capability></device>"

static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

static void
freeIfaces(virInterfacePtr *ifaces, int n)
{
    int i;

    for (i = 0; i < n; i++)
        virInterfaceFree(ifaces[i]);
    free(ifaces);
}

static void
freeNames(char **names, int n)
{
    int i;

    for (i = 0; i < n; i++)
        free(names[i]);
}

static void
testInterfaces(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virInterfacePtr iface;
    virInterfacePtr *all = NULL;
    char *names[8];
    char *xml;
    int n;

    g_assert_nonnull(conn);
    g_assert_cmpint(virConnectNumOfInterfaces(conn), ==, 1);
    n = virConnectListInterfaces(conn, names, 8);
    g_assert_cmpint(n, ==, 1);
    g_assert_cmpstr(names[0], ==, "eth1");
    freeNames(names, n);

    g_assert_null(virInterfaceLookupByName(conn, "nope"));
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_NO_INTERFACE);
    g_assert_null(virInterfaceDefineXML(conn, "<interface/>", 0));
    g_assert_null(virInterfaceDefineXML(conn, "<oops", 0));

    /* A bridge has no MAC: it matches no MAC lookup. */
    iface = virInterfaceDefineXML(conn, BRIDGE, 0);
    g_assert_nonnull(iface);
    g_assert_cmpstr(virInterfaceGetMACString(iface), ==, "");
    virInterfaceFree(iface);
    g_assert_null(virInterfaceLookupByMACString(conn, "11:22:33:44:55:66"));
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_NO_INTERFACE);

    /* A transaction: changes, then a rollback to the copy. */
    g_assert_cmpint(virInterfaceChangeBegin(conn, 0), ==, 0);
    g_assert_cmpint(virInterfaceChangeBegin(conn, 0), ==, -1);
    iface = virInterfaceDefineXML(conn, ETH3, 0);
    g_assert_nonnull(iface);
    g_assert_cmpint(virInterfaceCreate(iface, 0), ==, 0);
    g_assert_cmpint(virInterfaceCreate(iface, 0), ==, -1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_OPERATION_INVALID);
    xml = virInterfaceGetXMLDesc(iface, VIR_INTERFACE_XML_INACTIVE);
    g_assert_nonnull(strstr(xml, "52:54:00:00:00:03"));
    free(xml);
    g_assert_cmpint(virInterfaceChangeRollback(conn, 0), ==, 0);
    g_assert_cmpint(virInterfaceIsActive(iface), ==, -1);
    virInterfaceFree(iface);
    g_assert_cmpint(virConnectNumOfDefinedInterfaces(conn), ==, 2);

    /* Another, kept. */
    g_assert_cmpint(virInterfaceChangeBegin(conn, 0), ==, 0);
    iface = virInterfaceDefineXML(conn, ETH3, 0);
    g_assert_nonnull(iface);
    virInterfaceFree(iface);
    g_assert_cmpint(virInterfaceChangeCommit(conn, 0), ==, 0);
    g_assert_cmpint(virInterfaceChangeCommit(conn, 0), ==, -1);
    n = virConnectListAllInterfaces(conn, &all,
                                    VIR_CONNECT_LIST_INTERFACES_INACTIVE);
    g_assert_cmpint(n, ==, 3);
    freeIfaces(all, n);

    /* A transaction left open when the driver goes away. */
    g_assert_cmpint(virInterfaceChangeBegin(conn, 0), ==, 0);
    iface = virInterfaceLookupByName(conn, "eth3");
    g_assert_cmpint(virInterfaceUndefine(iface), ==, 0);
    g_assert_cmpint(virInterfaceUndefine(iface), ==, -1);
    virInterfaceFree(iface);
    virConnectClose(conn);
}

static int events;

static void
onDeviceEvent(virConnectPtr conn, virNodeDevicePtr dev, int event,
              int detail, void *opaque)
{
    (void)conn;
    (void)dev;
    (void)event;
    (void)detail;
    (void)opaque;
    events++;
}

static void
onTick(int timer, void *opaque)
{
    (void)timer;
    (void)opaque;
}

static void
testNodeDevices(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNodeDevicePtr dev;
    virNodeDevicePtr *all = NULL;
    char *names[8];
    char *xml;
    int tick;
    int cb;
    int n;
    int i;

    g_assert_nonnull(conn);
    cb = virConnectNodeDeviceEventRegisterAny(
        conn, NULL, VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
        (virConnectNodeDeviceEventGenericCallback)(void (*)(void))
            onDeviceEvent, NULL, NULL);
    g_assert_cmpint(cb, >=, 0);

    g_assert_cmpint(virNodeNumOfDevices(conn, "fc_host", 0), ==, 3);
    n = virNodeListDevices(conn, "vports", names, 8, 0);
    g_assert_cmpint(n, ==, 2);
    freeNames(names, n);
    n = virConnectListAllNodeDevices(conn, &all,
                                     VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE);
    g_assert_cmpint(n, ==, 4);
    for (i = 0; i < n; i++)
        virNodeDeviceFree(all[i]);
    free(all);

    dev = virNodeDeviceLookupByName(conn, "computer");
    g_assert_nonnull(dev);
    g_assert_null(virNodeDeviceGetParent(dev));
    g_assert_cmpint(virNodeDeviceDestroy(dev), ==, -1);
    n = virNodeDeviceListCaps(dev, names, 8);
    g_assert_cmpint(n, ==, 1);
    freeNames(names, n);
    virNodeDeviceFree(dev);

    g_assert_null(virNodeDeviceCreateXML(conn, "<device/>", 0));
    g_assert_null(virNodeDeviceCreateXML(
        conn, "<device><parent>nope</parent><capability type='scsi_host'>"
        "<capability type='fc_host'/></capability></device>", 0));
    /* Twice: the second replaces the first. */
    for (i = 0; i < 2; i++) {
        dev = virNodeDeviceCreateXML(conn, VHBA, 0);
        g_assert_nonnull(dev);
        g_assert_cmpstr(virNodeDeviceGetName(dev), ==, "scsi_host12");
        virNodeDeviceFree(dev);
    }
    dev = virNodeDeviceLookupSCSIHostByWWN(conn, "2000000011112222",
                                           "1000000011112222", 0);
    g_assert_nonnull(dev);
    xml = virNodeDeviceGetXMLDesc(dev, 0);
    g_assert_nonnull(strstr(xml, "<name>scsi_host12</name>"));
    free(xml);
    g_assert_cmpint(virNodeDeviceDestroy(dev), ==, 0);
    g_assert_cmpint(virNodeDeviceDestroy(dev), ==, -1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_NO_NODE_DEVICE);
    virNodeDeviceFree(dev);

    /* created twice, deleted once */
    tick = virEventAddTimeout(1, onTick, NULL, NULL);
    for (i = 0; i < 5 && events < 3; i++)
        virEventRunDefaultImpl();
    virEventRemoveTimeout(tick);
    g_assert_cmpint(events, ==, 3);
    g_assert_cmpint(virConnectNodeDeviceEventDeregisterAny(conn, cb), ==, 0);
    virConnectClose(conn);
}

static void
testNodeFile(void)
{
    g_autofree char *dir = g_dir_make_tmp("vireo-ifaces-XXXXXX", NULL);
    g_autofree char *node = g_build_filename(dir, "node.xml", NULL);
    g_autofree char *ifile = g_build_filename(dir, "iface.xml", NULL);
    g_autofree char *bad = g_build_filename(dir, "bad.xml", NULL);
    g_autofree char *uri = g_strdup_printf("test://%s", node);
    g_autofree char *baduri = g_strdup_printf("test://%s", bad);
    virConnectPtr conn;

    g_assert_true(g_file_set_contents(
        node,
        "<node><interface file='iface.xml'/>"
        "<device><name>d</name><capability type='system'><hardware>"
        "<uuid>11111111-2222-3333-4444-666666666666</uuid></hardware>"
        "</capability></device>"
        "<device><name>h</name><parent>d</parent>"
        "<capability type='scsi_host'><host>3</host>"
        "<capability type='fc_host'><wwnn>1</wwnn><wwpn>2</wwpn>"
        "</capability><capability type='vport_ops'/></capability>"
        "</device></node>", -1, NULL));
    g_assert_true(g_file_set_contents(ifile, BRIDGE, -1, NULL));
    g_assert_true(g_file_set_contents(
        bad, "<node><device><name>x</name><capability type='scsi_host'>"
        "<capability type='bogus'/></capability></device></node>", -1, NULL));

    conn = virConnectOpen(uri);
    g_assert_nonnull(conn);
    g_assert_cmpint(virConnectNumOfInterfaces(conn), ==, 1);
    g_assert_cmpint(virNodeNumOfDevices(conn, NULL, 0), ==, 2);
    /* No template device for a vHBA here. */
    g_assert_null(virNodeDeviceCreateXML(conn, VHBA, 0));
    virConnectClose(conn);
    g_assert_null(virConnectOpen(baduri));

    g_unlink(node);
    g_unlink(ifile);
    g_unlink(bad);
    g_rmdir(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, quiet);
    virEventRegisterDefaultImpl();
    g_test_add_func("/test-driver/interfaces", testInterfaces);
    g_test_add_func("/test-driver/nodedevs", testNodeDevices);
    g_test_add_func("/test-driver/nodefile-ifaces-devs", testNodeFile);
    return g_test_run();
}
