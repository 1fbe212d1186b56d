#!/usr/bin/env python3
"""The co-repost case of the issue "Scale": N reposts by 100,000 accounts of Pareto-popular
objects over a week, written twice from one seeded stream: as a CooRTweet table for Chorus and
as the coordination-network-toolkit's CSV, so both tools read the same actions.

    coaction_sample.py --reposts 1000000 --seed 1 --coortweet c.csv --toolkit t.csv
"""
import argparse
import random

WEEK = 7 * 24 * 3600
START = 1_700_000_000  # 2023-11-14 22:13:20 UTC


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reposts", type=int, default=1_000_000)
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--objects", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--coortweet", required=True)
    parser.add_argument("--toolkit")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    coortweet = open(args.coortweet, "w", encoding="utf-8", newline="")
    toolkit = open(args.toolkit, "w", encoding="utf-8", newline="") if args.toolkit else None
    coortweet.write("object_id,account_id,content_id,timestamp_share\n")
    if toolkit:
        toolkit.write("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n")
    for n in range(args.reposts):
        obj = int(rng.paretovariate(1.2)) % args.objects
        account = rng.randrange(args.accounts)
        time = START + rng.randrange(WEEK)
        coortweet.write(f"o{obj},a{account},r{n},{time}\n")
        if toolkit:
            toolkit.write(f"r{n},a{account},user{account},o{obj},,,{time},\n")
    coortweet.close()
    if toolkit:
        toolkit.close()


if __name__ == "__main__":
    main()
