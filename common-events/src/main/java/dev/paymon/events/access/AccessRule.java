package dev.paymon.events.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One {@code allow} line of the definition: {@code user} may do {@code operations} on the resources of
 * {@code resourceType} named {@code resourceName} (LITERAL) or starting with it (PREFIXED), from any host.
 */
public record AccessRule(String user, ResourceType resourceType, PatternType patternType, String resourceName,
                         Set<AclOperation> operations) {

    /** What a service needs: no cluster-wide rights, no deletes; configuration changes only on the topics listed. */
    static final Set<ResourceType> RESOURCE_TYPES =
            EnumSet.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID);
    static final Set<PatternType> PATTERN_TYPES = EnumSet.of(PatternType.LITERAL, PatternType.PREFIXED);
    static final Set<AclOperation> OPERATIONS = EnumSet.of(AclOperation.READ, AclOperation.WRITE,
            AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS);

    /** Operations Kafka allows whenever one of these is allowed on the same resource. */
    private static final Set<AclOperation> IMPLY_DESCRIBE = EnumSet.of(AclOperation.READ, AclOperation.WRITE,
            AclOperation.DELETE, AclOperation.ALTER);

    public AccessRule {
        if (!RESOURCE_TYPES.contains(resourceType) || !PATTERN_TYPES.contains(patternType)) {
            throw new IllegalArgumentException("resource type must be one of " + RESOURCE_TYPES + " and pattern type one of "
                    + PATTERN_TYPES + ", not " + resourceType + " " + patternType);
        }
        if (resourceName.isBlank() || resourceName.contains("*")) {
            throw new IllegalArgumentException("resource name must be a name, not a wildcard: " + resourceName);
        }
        if (operations.isEmpty() || !OPERATIONS.containsAll(operations)) {
            throw new IllegalArgumentException("operations must be some of " + OPERATIONS + ", not " + operations);
        }
        operations = Set.copyOf(operations);
    }

    /** Whether this rule covers the resource named {@code name}. */
    public boolean covers(ResourceType type, String name) {
        return resourceType == type && (patternType == PatternType.LITERAL
                ? resourceName.equals(name) : name.startsWith(resourceName));
    }

    /** Whether this rule allows {@code operation} on the resource, counting the operations Kafka implies. */
    public boolean allows(ResourceType type, String name, AclOperation operation) {
        if (!covers(type, name)) {
            return false;
        }
        return operations.contains(operation)
                || operation == AclOperation.DESCRIBE && operations.stream().anyMatch(IMPLY_DESCRIBE::contains);
    }

    /** One ACL per operation, for {@code Admin.createAcls}. */
    public List<AclBinding> toAclBindings() {
        ResourcePattern pattern = new ResourcePattern(resourceType, resourceName, patternType);
        return operations.stream().sorted()
                .map(operation -> new AclBinding(pattern,
                        new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)))
                .toList();
    }
}
