"use coroutine";
import * as $coro from "@coro/runtime";
import * as $coroutines from "@coro/runtime/coroutines";
function $async$Frame($step1, s$) {
    this.$state = 0;
    this.$step = $step1;
    this.s$ = s$;
    this.$slot = undefined;
    this.found$ = undefined;
    this.$next = undefined;
    this.$taskState = 0;
    this.$outcome = undefined;
    this.$parent = undefined;
    this.$extra = undefined;
    this.$waiters = undefined;
    this.$awaiting = undefined;
    this.$since = 0;
    this.$context = undefined;
}
// A small crawler written with coroutines. Every async function of this file
// is a coroutine (the directive above): calling one returns a Task that runs
// on coro's scheduler, can be cancelled, and lives inside the task that
// started it.
import { scope, delay, withTimeoutOrUndefined, dump, formatDump, CancellationError } from '@coro/runtime/coroutines';
var fetchPage$handlers = [0, 3, 3, 0, 0];
$coroutines.linkTaskFrame(fetchPage$Frame, fetchPage$step, "fetchPage", "src/main.ts", [2, "27:5"]);
$coroutines.linkCoroutine(fetchPage, fetchPage$Frame);
$coroutines.linkTaskFrame(fetchOrSkip$Frame, fetchOrSkip$step, "fetchOrSkip", "src/main.ts", [1, "37:16"]);
$coroutines.linkCoroutine(fetchOrSkip, fetchOrSkip$Frame);
$coroutines.linkTaskFrame(crawl$Frame, crawl$step, "crawl", "src/main.ts", [2, "47:19"]);
$coroutines.linkCoroutine(crawl, crawl$Frame);
var main$handlers = [0, 0, 0, 5, 5, 0, 0];
$coroutines.linkTaskFrame(main$Frame, main$step, "main", "src/main.ts", [1, "71:17", 2, "76:3", 4, "79:5"]);
$coroutines.linkCoroutine(main, main$Frame);
const SITE = {
    '/': { url: '/', links: ['/docs', '/blog', '/slow'], latency: 20 },
    '/docs': { url: '/docs', links: ['/docs/api', '/docs/guide'], latency: 30 },
    '/docs/api': { url: '/docs/api', links: [], latency: 10 },
    '/docs/guide': { url: '/docs/guide', links: ['/'], latency: 15 },
    '/blog': { url: '/blog', links: ['/blog/1'], latency: 25 },
    '/blog/1': { url: '/blog/1', links: [], latency: 5 },
    '/slow': { url: '/slow', links: [], latency: 10_000 },
};
function fetchPage(url) { if (this instanceof fetchPage$Frame)
    throw new TypeError("not a constructor"); return $coroutines.startCoroutine(new fetchPage$Frame(url)); }
function fetchPage$Frame(url$) {
    this.$state = 0;
    this.$step = fetchPage$step;
    this.url$ = url$;
    this.page$ = undefined;
    this.$taskState = 0;
    this.$outcome = undefined;
    this.$parent = undefined;
    this.$extra = undefined;
    this.$waiters = undefined;
    this.$awaiting = undefined;
    this.$since = 0;
    this.$context = undefined;
}
function fetchPage$step($frame, $state, $mode, $value) {
    var error;
    $machine: for (;;) {
        try {
            if ($mode === 1) {
                $mode = 0;
                throw $value;
            }
            switch ($state) {
                case 0:
                    $frame.page$ = SITE[$frame.url$];
                    $state = 1;
                case 1:
                    $frame.$state = 2;
                    return $coroutines.awaitInCoroutine($frame, delay($frame.page$.latency));
                case 2:
                    $frame.$state = -2;
                    return $frame.page$;
                case 3:
                    error = $value;
                    {
                        if (error instanceof CancellationError)
                            console.log(`  fetch ${$frame.url$}: cancelled (${String(error.reason)})`);
                        throw error;
                    }
                    $state = 4;
                case 4:
                    $frame.$state = -2;
                    return;
            }
        }
        catch ($error) {
            $state = fetchPage$handlers[$state];
            if ($state === 0)
                throw $error;
            $value = $error;
        }
    }
}
/** Fetches `url` with a deadline: a page slower than 100 ms is skipped, its fetch cancelled. */
function fetchOrSkip(url) { if (this instanceof fetchOrSkip$Frame)
    throw new TypeError("not a constructor"); return $coroutines.startCoroutine(new fetchOrSkip$Frame(url)); }
function fetchOrSkip$Frame(url$) {
    this.$state = 0;
    this.$step = fetchOrSkip$step;
    this.url$ = url$;
    this.$taskState = 0;
    this.$outcome = undefined;
    this.$parent = undefined;
    this.$extra = undefined;
    this.$waiters = undefined;
    this.$awaiting = undefined;
    this.$since = 0;
    this.$context = undefined;
}
function fetchOrSkip$step($frame, $state, $mode, $value) {
    var $awaited, page;
    if ($mode !== 0)
        throw $value;
    $machine: for (;;)
        switch ($state) {
            case 0:
                $frame.$state = 1;
                return $coroutines.awaitInCoroutine($frame, withTimeoutOrUndefined(100, () => fetchPage($frame.url$)));
            case 1:
                $awaited = $value;
                page = $awaited;
                if (page === undefined)
                    console.log(`  ${$frame.url$}: timed out, skipped`);
                $frame.$state = -2;
                return page;
        }
}
/** Visits every page reachable from `start`, each level's pages fetched concurrently. */
function crawl(start) { if (this instanceof crawl$Frame)
    throw new TypeError("not a constructor"); return $coroutines.startCoroutine(new crawl$Frame(start)); }
function crawl$Frame(start$) {
    this.$state = 0;
    this.$step = crawl$step;
    this.start$ = start$;
    this.seen$ = undefined;
    this.level$ = undefined;
    this.$taskState = 0;
    this.$outcome = undefined;
    this.$parent = undefined;
    this.$extra = undefined;
    this.$waiters = undefined;
    this.$awaiting = undefined;
    this.$since = 0;
    this.$context = undefined;
}
function crawl$step($frame, $state, $mode, $value) {
    var $awaited, pages;
    if ($mode !== 0)
        throw $value;
    $machine: for (;;)
        switch ($state) {
            case 0:
                $frame.seen$ = new Set([$frame.start$]);
                $frame.level$ = [$frame.start$];
            case 1:
                if (!($frame.level$.length > 0)) {
                    $state = 3;
                    continue;
                }
                $frame.$state = 2;
                return $coroutines.awaitInCoroutine($frame, scope((() => {
                    var $async$handlers = [0, 0, 0, 0, 6, 6, 0, 0, 0, 0];
                    $coroutines.linkTaskFrame($async$Frame, $async$step, "anonymous", "src/main.ts", [1, "50:9", 5, "56:22"]);
                    function $async$step($frame1, $state1, $mode1, $value1) {
                        var $completion, $result, $step, $item, task, $awaited, page;
                        $machine1: for (;;) {
                            try {
                                if ($mode1 === 1) {
                                    $mode1 = 0;
                                    throw $value1;
                                }
                                switch ($state1) {
                                    case 0:
                                        $frame1.$slot = $frame.level$.map((url) => $frame1.s$.launch(() => fetchOrSkip(url)));
                                        if (!($frame.level$.includes('/slow'))) {
                                            $state1 = 2;
                                            continue;
                                        }
                                        $frame1.$state = 1;
                                        return $coroutines.awaitInCoroutine($frame1, delay(50));
                                    case 1:
                                        console.log('while /slow is pending, the live tasks are:');
                                        console.log(formatDump(dump()).replace(/\d+ ms/g, 'N ms').replace(/\S+\/src\/main\.ts/g, 'src/main.ts'));
                                        $state1 = 2;
                                    case 2:
                                        $frame1.found$ = [];
                                        $frame1.$slot = $coro.getIterator($frame1.$slot);
                                        $frame1.$next = $frame1.$slot.next;
                                        $state1 = 3;
                                    case 3:
                                        $step = $coro.iteratorNext($frame1.$slot, $frame1.$next);
                                        if ($step.done) {
                                            $state1 = 9;
                                            continue;
                                        }
                                        $item = $step.value;
                                        $state1 = 4;
                                    case 4:
                                        task = $item;
                                        $frame1.$state = 5;
                                        return $coroutines.awaitInCoroutine($frame1, task);
                                    case 5:
                                        $awaited = $value1;
                                        page = $awaited;
                                        if (page)
                                            $frame1.found$.push(page);
                                        $state1 = 3;
                                        continue;
                                    case 6:
                                        $completion = "throw";
                                        $result = $value1;
                                        $state1 = 8;
                                        continue;
                                    case 7:
                                        $completion = "return";
                                        $result = $value1;
                                        $state1 = 8;
                                    case 8:
                                        if ($completion === "throw")
                                            $coro.closeIteratorOnThrow($frame1.$slot);
                                        else
                                            $coro.closeIterator($frame1.$slot);
                                        if ($completion === "return") {
                                            $frame1.$state = -2;
                                            return $result;
                                        }
                                        if ($completion === "throw")
                                            throw $result;
                                        $state1 = 9;
                                    case 9:
                                        $frame1.$state = -2;
                                        return $frame1.found$;
                                }
                            }
                            catch ($error1) {
                                $state1 = $async$handlers[$state1];
                                if ($state1 === 0)
                                    throw $error1;
                                $value1 = $error1;
                            }
                        }
                    }
                    return $coroutines.linkCoroutine((s) => { return $coroutines.startCoroutine(new $async$Frame($async$step, s)); }, $async$Frame);
                })()));
            case 2:
                $awaited = $value;
                pages = $awaited;
                $frame.level$ = [];
                for (const page of pages) {
                    console.log(`visited ${page.url}`);
                    for (const link of page.links)
                        if (!$frame.seen$.has(link))
                            $frame.seen$.add(link), $frame.level$.push(link);
                }
                $state = 1;
                continue;
            case 3:
                $frame.$state = -2;
                return [...$frame.seen$];
        }
}
function main() { if (this instanceof main$Frame)
    throw new TypeError("not a constructor"); return $coroutines.startCoroutine(new main$Frame()); }
function main$Frame() {
    this.$state = 0;
    this.$step = main$step;
    this.stopped$ = undefined;
    this.$taskState = 0;
    this.$outcome = undefined;
    this.$parent = undefined;
    this.$extra = undefined;
    this.$waiters = undefined;
    this.$awaiting = undefined;
    this.$since = 0;
    this.$context = undefined;
}
function main$step($frame, $state, $mode, $value) {
    var $awaited, pages, error;
    $machine: for (;;) {
        try {
            if ($mode === 1) {
                $mode = 0;
                throw $value;
            }
            switch ($state) {
                case 0:
                    $frame.$state = 1;
                    return $coroutines.awaitInCoroutine($frame, crawl('/'));
                case 1:
                    $awaited = $value;
                    pages = $awaited;
                    console.log(`crawled ${pages.length} pages`);
                    $frame.stopped$ = crawl('/');
                    $frame.$state = 2;
                    return $coroutines.awaitInCoroutine($frame, delay(10));
                case 2:
                    $frame.stopped$.cancel('shutting down');
                    $state = 3;
                case 3:
                    $frame.$state = 4;
                    return $coroutines.awaitInCoroutine($frame, $frame.stopped$);
                case 4:
                    $state = 6;
                    continue;
                case 5:
                    error = $value;
                    {
                        console.log(`second crawl: ${$frame.stopped$.state} (${error.message})`);
                    }
                    $state = 6;
                case 6:
                    $frame.$state = -2;
                    return;
            }
        }
        catch ($error) {
            $state = main$handlers[$state];
            if ($state === 0)
                throw $error;
            $value = $error;
        }
    }
}
main();
//# sourceMappingURL=main.js.map
