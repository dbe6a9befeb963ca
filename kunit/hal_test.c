// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the HAL's bus calls (suite ntshim_hal).
 */
#include <kunit/test.h>
#include <linux/pci.h>
#include <ntshim/ntddk.h>

static BOOLEAN translate(INTERFACE_TYPE type, ULONG bus, LONGLONG addr,
			 ULONG space, LONGLONG *out)
{
	PHYSICAL_ADDRESS in = { .QuadPart = addr }, t = { .QuadPart = -1 };
	ULONG as = space;
	BOOLEAN ok;

	ok = HalTranslateBusAddress(type, bus, in, &as, &t);
	*out = t.QuadPart;
	return ok && as == space;
}

static void HalTranslateBusAddress_test(struct kunit *test)
{
	LONGLONG out;

	/* I/O ports: identity below 64 Ki */
	KUNIT_EXPECT_TRUE(test, translate(Isa, 0, 0x3f8, 1, &out));
	KUNIT_EXPECT_EQ(test, out, 0x3f8);
	KUNIT_EXPECT_TRUE(test, translate(Internal, 0, 0xcf8, 1, &out));
	KUNIT_EXPECT_EQ(test, out, 0xcf8);
	KUNIT_EXPECT_FALSE(test, translate(Isa, 0, 0x10000, 1, &out));
	/* memory: ISA sees 16 MiB, the internal bus all of it */
	KUNIT_EXPECT_TRUE(test, translate(Isa, 0, 0xb8000, 0, &out));
	KUNIT_EXPECT_EQ(test, out, 0xb8000);
	KUNIT_EXPECT_FALSE(test, translate(Isa, 0, 0x1000000, 0, &out));
	KUNIT_EXPECT_TRUE(test, translate(Internal, 0, 0xfee00000, 0, &out));
	KUNIT_EXPECT_EQ(test, out, 0xfee00000);
	/* no second ISA bus, no EISA, no such address space */
	KUNIT_EXPECT_FALSE(test, translate(Isa, 1, 0x3f8, 1, &out));
	KUNIT_EXPECT_FALSE(test, translate(Eisa, 0, 0x3f8, 1, &out));
	KUNIT_EXPECT_FALSE(test, translate(Internal, 0, 0x3f8, 2, &out));
}

static void HalGetBusData_pci_test(struct kunit *test)
{
	struct pci_dev *dev = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, NULL);
	struct pci_dev *other;
	PCI_SLOT_NUMBER slot = { };
	u16 ids[2] = { }, device;
	LONGLONG out;
	u8 none[4];

	if (!dev)
		kunit_skip(test, "no PCI device");
	slot.u.bits.DeviceNumber = PCI_SLOT(dev->devfn);
	slot.u.bits.FunctionNumber = PCI_FUNC(dev->devfn);
	KUNIT_EXPECT_EQ(test, HalGetBusData(PCIConfiguration, dev->bus->number,
					    slot.u.AsULONG, ids, 4), 4);
	KUNIT_EXPECT_EQ(test, ids[0], dev->vendor);
	KUNIT_EXPECT_EQ(test, ids[1], dev->device);
	KUNIT_EXPECT_EQ(test, HalGetBusDataByOffset(PCIConfiguration,
						    dev->bus->number,
						    slot.u.AsULONG, &device,
						    2, 2), 2);
	KUNIT_EXPECT_EQ(test, device, dev->device);
	KUNIT_EXPECT_TRUE(test, translate(PCIBus, dev->bus->number,
					  0xfebf0000, 0, &out));
	/* an empty slot answers PCI_INVALID_VENDORID in 2 bytes */
	slot.u.bits.DeviceNumber = 31;
	slot.u.bits.FunctionNumber = 7;
	other = pci_get_domain_bus_and_slot(0, dev->bus->number,
					    PCI_DEVFN(31, 7));
	if (!other)
		KUNIT_EXPECT_EQ(test, HalGetBusData(PCIConfiguration,
						    dev->bus->number,
						    slot.u.AsULONG, none, 4),
				2);
	pci_dev_put(other);
	KUNIT_EXPECT_EQ(test, HalGetBusData(Cmos, 0, 0, none, 4), 0);
	pci_dev_put(dev);
}

static struct kunit_case hal_test_cases[] = {
	KUNIT_CASE(HalTranslateBusAddress_test),
	KUNIT_CASE(HalGetBusData_pci_test),
	{}
};

static struct kunit_suite hal_test_suite = {
	.name = "ntshim_hal",
	.test_cases = hal_test_cases,
};

kunit_test_suite(hal_test_suite);
