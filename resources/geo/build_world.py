#!/usr/bin/env python3
"""Derives the world map outlines Chorus draws from Natural Earth (npm world-atlas, TopoJSON).

Output: one line per country, TAB separated:
  numeric-code  name  rings
where rings are separated by ';' and a ring's points ("lon,lat", 3 decimals) by ' '. A country
without an ISO numeric code in world-atlas (Kosovo, N. Cyprus...) gets "-".
"""

import argparse
import json


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--topojson", required=True)
    p.add_argument("--output", required=True)
    a = p.parse_args()
    topo = json.load(open(a.topojson, encoding="utf-8"))
    scale = topo["transform"]["scale"]
    translate = topo["transform"]["translate"]
    # Arcs are delta-encoded on a quantised grid: a running sum, then scale and translate.
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def unwrapped(points):
        # A ring that crosses the antimeridian (Russia, Fiji) jumps by 360 degrees; shifting
        # the rest of it keeps it continuous. The map clips it to the globe's outline.
        out, shift = [], 0.0
        for i, (lon, lat) in enumerate(points):
            if i:
                jump = lon + shift - out[-1][0]
                if jump > 180:
                    shift -= 360
                elif jump < -180:
                    shift += 360
            out.append((lon + shift, lat))
        return out

    def ring(indexes):
        points = []
        for index in indexes:
            # A negative index ~i is arc i reversed; consecutive arcs share their end point.
            arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
            points.extend(arc if not points else arc[1:])
        return points

    with open(a.output, "w", encoding="utf-8", newline="\n") as out:
        for geometry in topo["objects"]["countries"]["geometries"]:
            if geometry["type"] == "Polygon":
                polygons = [geometry["arcs"]]
            elif geometry["type"] == "MultiPolygon":
                polygons = geometry["arcs"]
            else:
                continue
            rings = []
            for polygon in polygons:
                for indexes in polygon:
                    points = unwrapped(ring(indexes))
                    rings.append(" ".join(f"{lon:.3f},{lat:.3f}" for lon, lat in points))
            name = geometry.get("properties", {}).get("name", "").replace("\t", " ")
            out.write(f"{geometry.get('id', '-')}\t{name}\t{';'.join(rings)}\n")


if __name__ == "__main__":
    main()
