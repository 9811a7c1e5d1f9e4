/*
 * test_network_ports.c: the test driver's network ports and DHCP leases
 * through the public API, in C so that the sanitizer and valgrind runs of
 * the unit suite see every path free what it made (the behaviour itself
 * is checked by tests/python/check_test_netports.py).
 */
#include <string.h>
#include <glib.h>

#include "libvirt/libvirt.h"
#include "libvirt/virterror.h"

#define PORT_UUID "11111111-2222-3333-4444-555555555555"
#define PORT_XML(uuid, extra) \
    "<networkport><uuid>" uuid "</uuid><owner><name>vm</name>" \
    "<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid></owner>" \
    "<mac address='52:54:00:aa:bb:01'/>" extra "</networkport>"

static void
quietErrorFunc(void *userdata G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static void
assertLastError(int code)
{
    virErrorPtr err = virGetLastError();

    g_assert_nonnull(err);
    g_assert_cmpint(err->code, ==, code);
}

static void
test_leases(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNetworkPtr net = virNetworkLookupByName(conn, "default");
    virNetworkDHCPLeasePtr *leases = NULL;
    int n;
    int i;

    g_assert_nonnull(net);
    /* counting only */
    g_assert_cmpint(virNetworkGetDHCPLeases(net, NULL, NULL, 0), ==, 1);
    n = virNetworkGetDHCPLeases(net, NULL, &leases, 0);
    g_assert_cmpint(n, ==, 1);
    g_assert_cmpstr(leases[0]->mac, ==, "aa:bb:cc:dd:ee:ff");
    g_assert_cmpstr(leases[0]->hostname, ==, "test");
    g_assert_cmpstr(leases[0]->iface, ==, "virbr0");
    g_assert_null(leases[1]);
    for (i = 0; i < n; i++)
        virNetworkDHCPLeaseFree(leases[i]);
    free(leases);

    leases = NULL;
    g_assert_cmpint(virNetworkGetDHCPLeases(net, "00:11:22:33:44:55",
                                            &leases, 0), ==, 0);
    g_assert_nonnull(leases);
    g_assert_null(leases[0]);
    free(leases);

    leases = NULL;
    g_assert_cmpint(virNetworkGetDHCPLeases(net, "nonsense", &leases, 0),
                    ==, -1);
    assertLastError(VIR_ERR_INVALID_MAC);
    g_assert_null(leases);
    g_assert_cmpint(virNetworkGetDHCPLeases(net, NULL, &leases, 1), ==, -1);
    assertLastError(VIR_ERR_INVALID_ARG);

    virNetworkFree(net);
    virConnectClose(conn);
}

static void
test_ports(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNetworkPtr net = virNetworkLookupByName(conn, "default");
    virNetworkPortPtr port;
    virNetworkPortPtr other;
    virNetworkPortPtr *ports = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    char *xml;
    int n;
    int i;

    g_assert_nonnull(net);
    port = virNetworkPortCreateXML(
        net, PORT_XML(PORT_UUID, "<bandwidth><inbound average='10'/>"
                      "</bandwidth>"), 0);
    g_assert_nonnull(port);
    g_assert_null(virNetworkPortCreateXML(net, PORT_XML(PORT_UUID, ""), 0));
    assertLastError(VIR_ERR_NETWORK_PORT_EXIST);
    g_assert_null(virNetworkPortCreateXML(net, "<networkport", 0));
    g_assert_null(virNetworkPortCreateXML(
        net, PORT_XML("21111111-2222-3333-4444-555555555555",
                      "<bandwidth><inbound floor='10'/></bandwidth>"), 0));
    assertLastError(VIR_ERR_OPERATION_UNSUPPORTED);

    other = virNetworkPortLookupByUUIDString(net, PORT_UUID);
    g_assert_nonnull(other);
    virNetworkPortFree(other);
    g_assert_null(virNetworkPortLookupByUUIDString(
        net, "31111111-2222-3333-4444-555555555555"));
    assertLastError(VIR_ERR_NO_NETWORK_PORT);

    g_assert_cmpint(virNetworkListAllPorts(net, NULL, 0), ==, 1);
    n = virNetworkListAllPorts(net, &ports, 0);
    g_assert_cmpint(n, ==, 1);
    for (i = 0; i < n; i++)
        virNetworkPortFree(ports[i]);
    free(ports);

    g_assert_cmpint(virNetworkPortGetParameters(port, &params, &nparams, 0),
                    ==, 0);
    g_assert_cmpint(nparams, ==, 4);
    params[0].value.ui = 99;
    g_assert_cmpint(virNetworkPortSetParameters(port, params, nparams, 0),
                    ==, 0);
    virTypedParamsFree(params, nparams);
    xml = virNetworkPortGetXMLDesc(port, 0);
    g_assert_nonnull(strstr(xml, "<inbound average='99'/>"));
    free(xml);

    /* the port goes with the network; the object stays valid */
    g_assert_cmpint(virNetworkDestroy(net), ==, 0);
    g_assert_null(virNetworkPortGetXMLDesc(port, 0));
    assertLastError(VIR_ERR_NO_NETWORK_PORT);
    g_assert_cmpint(virNetworkListAllPorts(net, NULL, 0), ==, -1);
    assertLastError(VIR_ERR_OPERATION_INVALID);
    g_assert_cmpint(virNetworkCreate(net), ==, 0);

    other = virNetworkPortCreateXML(net, PORT_XML(PORT_UUID, ""), 0);
    g_assert_nonnull(other);
    g_assert_cmpint(virNetworkPortDelete(other, 0), ==, 0);
    g_assert_cmpint(virNetworkPortDelete(other, 0), ==, -1);
    assertLastError(VIR_ERR_NO_NETWORK_PORT);
    virNetworkPortFree(other);

    /* a port left behind is freed with the driver */
    other = virNetworkPortCreateXML(net, PORT_XML(PORT_UUID, ""), 0);
    g_assert_nonnull(other);
    virNetworkPortFree(other);

    virNetworkPortFree(port);
    virNetworkFree(net);
    virConnectClose(conn);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, quietErrorFunc);
    g_test_add_func("/test-driver/leases", test_leases);
    g_test_add_func("/test-driver/ports", test_ports);
    return g_test_run();
}
