package dev.paymon.subscriber.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * What {@code /api/v1/admin/rebuild} answers.
 *
 * @param startedAt  when this process last started a rebuild; {@code null} if it has not
 * @param complete   every projection has applied again every record it held before the rebuild
 * @param remaining  offsets left to apply again until then, over every partition (a few of them transaction markers)
 * @param partitions each projection's progress per partition
 */
record RebuildStatus(Instant startedAt, boolean complete, long remaining, List<PartitionProgress> partitions) {

    static RebuildStatus of(Instant startedAt, List<PartitionProgress> partitions) {
        return new RebuildStatus(startedAt, partitions.stream().allMatch(PartitionProgress::rebuilt),
                partitions.stream().mapToLong(PartitionProgress::remaining).sum(), partitions);
    }
}
