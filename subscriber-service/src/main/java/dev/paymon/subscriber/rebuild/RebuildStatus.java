package dev.paymon.subscriber.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * What {@code /api/v1/admin/rebuild} answers.
 *
 * @param startedAt  when this process last started a rebuild; {@code null} if it has not
 * @param complete   every projection has applied again every record it held before the rebuild
 * @param partitions each projection's progress per partition
 */
record RebuildStatus(Instant startedAt, boolean complete, List<PartitionProgress> partitions) {
}
