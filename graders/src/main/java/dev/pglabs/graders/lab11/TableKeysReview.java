package dev.pglabs.graders.lab11;

import dev.pglabs.graders.lab11.sandboxed.RecordedStore;
import dev.pglabs.grading.Problems;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Exercise 06: the table createTable() made (keys, types, billing) and the requests it sent (did it wait?). */
final class TableKeysReview {

    private static final String ON_DEMAND = BillingMode.PAY_PER_REQUEST.toString();

    private TableKeysReview() {
    }

    static Problems of(TableDescription t, List<RecordedStore.Seen> sent) {
        Problems problems = new Problems();
        Map<String, String> keys = t.keySchema().stream().collect(Collectors.toMap(
                KeySchemaElement::attributeName, KeySchemaElement::keyTypeAsString, (a, b) -> a, TreeMap::new));
        Map<String, String> types = t.attributeDefinitions().stream().collect(Collectors.toMap(
                AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString, (a, b) -> a,
                TreeMap::new));
        Map<String, String> expectedKeys = new TreeMap<>(Map.of("userId", "HASH", "name", "RANGE"));
        problems.addIf(!keys.equals(expectedKeys), "key schema " + keys + ", expected " + expectedKeys + ". The "
                + "partition key (HASH) groups the items of one user; the sort key (RANGE) tells them apart and orders "
                + "them.");
        for (String key : keys.keySet()) {
            String expected = key.equals("userId") ? "N" : "S";
            problems.addIf(expectedKeys.containsKey(key) && !expected.equals(types.get(key)),
                    key + " is of type " + types.get(key) + ", expected " + expected + ".");
        }
        String billing = t.billingModeSummary() == null ? null : t.billingModeSummary().billingModeAsString();
        problems.addIf(billing != null && !ON_DEMAND.equals(billing), "billing mode " + billing + ", expected "
                + "PAY_PER_REQUEST (on demand: no capacity to plan for a feature whose traffic follows the page views).");
        // The emulator may not report the billing mode back: the request says what the student asked for.
        String asked = sent.stream().filter(r -> r.operation().equals("CreateTable")).findFirst()
                .map(RecordedStore.Seen::billingMode).orElse(null);
        problems.addIf(asked != null && !asked.equals(ON_DEMAND),
                "createTable asked for billing mode " + asked + ", expected PAY_PER_REQUEST.");
        problems.addIf(asked == null && billing == null, "createTable set no billing mode: ask for "
                + "BillingMode.PAY_PER_REQUEST (otherwise it needs provisioned capacity).");
        List<String> operations = sent.stream().map(RecordedStore.Seen::operation).toList();
        int created = operations.indexOf("CreateTable");
        problems.addIf(created >= 0 && !operations.subList(created, operations.size()).contains("DescribeTable"),
                "createTable returned right after CreateTable (it sent " + operations + "). A new table is CREATING "
                + "for a while on AWS, and a put before it is ACTIVE fails: wait until it exists "
                + "(dynamo.waiter().waitUntilTableExists(…)).");
        return problems;
    }
}
