// One packed feed and one consumer solution are shared; scenarios change its git history, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
